import { describe, expect, it } from "vitest";
import { queryKind } from "./query-timing";

describe("queryKind: a stable, low-cardinality label per statement", () => {
  it("names the verb and the first table, as Prisma and our raw SQL write them", () => {
    expect(queryKind(`SELECT "public"."Booking"."id" FROM "public"."Booking" WHERE "id" = $1`)).toBe("select:Booking");
    expect(queryKind(`INSERT INTO "public"."OutboxMessage" ("id") VALUES ($1)`)).toBe("insert:OutboxMessage");
    expect(queryKind(`UPDATE "public"."WebhookEvent" SET "status" = $1`)).toBe("update:WebhookEvent");
    expect(queryKind(`DELETE FROM "public"."Session" WHERE 1=1`)).toBe("delete:Session");
    expect(queryKind(`WITH moves AS (SELECT 1 FROM "Booking" b) SELECT * FROM moves`)).toBe("with:Booking");
    expect(queryKind("BEGIN")).toBe("transaction:begin");
    expect(queryKind("COMMIT")).toBe("transaction:commit");
    expect(queryKind("SELECT 1")).toBe("select");
  });
});
