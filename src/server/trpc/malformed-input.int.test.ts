import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { startTestDb, type TestDb } from "@/testing/harness";
import { createBuilder } from "@/testing/factories";
import { createContextInner } from "./context";
import { appRouter } from "./router";

let t: TestDb;
let userId: string;
beforeAll(async () => {
  t = await startTestDb();
  // A builder who is also an admin passes every rung of the ladder, so only input validation can refuse.
  const { user } = await createBuilder(t.db);
  await t.db.user.update({ where: { id: user.id }, data: { role: "ADMIN" } });
  userId = user.id;
});
afterAll(async () => t.close());

type ProcedureDef = { type: "query" | "mutation"; inputs: unknown[] };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: ProcedureDef }>)
  .filter(([, p]) => p._def.inputs.length > 0)
  .map(([path, p]) => ({ path, type: p._def.type }));

const garbage = [
  { id: 42, startTime: "tomorrow", slug: "Not A Slug!", timeZone: "Mars/Olympus", limit: -1, rules: "all" },
  "just a string",
  null,
];

async function call(path: string, type: "query" | "mutation", input: unknown) {
  const encoded = JSON.stringify(superjson.serialize(input));
  const url = `http://localhost/api/trpc/${path}` + (type === "query" ? `?input=${encodeURIComponent(encoded)}` : "");
  const req = new Request(url, {
    method: type === "query" ? "GET" : "POST",
    ...(type === "mutation" ? { body: encoded, headers: { "content-type": "application/json" } } : {}),
  });
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createContextInner({ db: t.db, userId }),
  });
  return {
    status: res.status,
    body: (await res.json()) as { error?: { json: { message: string; data: { appCode: string; zodIssues: unknown[] | null } } } },
  };
}

describe("malformed input over the real HTTP adapter", () => {
  it("covers every procedure that takes input", () => {
    expect(procedures.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        "builder.list",
        "builder.bySlug",
        "sessionType.create",
        "availability.update",
        "slot.list",
        "booking.create",
        "booking.cancel",
      ]),
    );
  });

  it.each(procedures)("$path answers 400 with zod issues, never a 500", async ({ path, type }) => {
    for (const input of garbage) {
      const { status, body } = await call(path, type, input);
      expect(status, `${path} with ${JSON.stringify(input)}`).toBe(400);
      expect(body.error?.json.data.appCode).toBe("VALIDATION");
      expect(body.error?.json.data.zodIssues?.length).toBeGreaterThan(0);
      expect(body.error?.json.message).toMatch(/^Invalid input: /);
    }
  });

  it("accepts what tRPC's own infinite-query client sends for builder.list (cursor and direction)", async () => {
    const { status } = await call("builder.list", "query", { limit: 12, cursor: null, direction: "forward" });
    expect(status).toBe(200);
  });

  it("rejects a slot range longer than 31 days with a 400 naming the limit", async () => {
    const { status, body } = await call("slot.list", "query", {
      sessionTypeId: "x",
      startDate: "2026-12-01",
      endDate: "2027-01-15",
      timeZone: "UTC",
    });
    expect(status).toBe(400);
    expect(body.error?.json.message).toMatch(/31 days/);
  });
});
