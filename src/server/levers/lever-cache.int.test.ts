// Every instance sees a lever change within 10 seconds without a restart: two clients on one
// database stand for two processes, each with its own cache and the real TTL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { setLever } from "@/modules/levers/set-lever";
import { createDb } from "@/server/db/client";
import { checkHealth } from "@/server/observability/health";
import { createUser } from "@/testing/factories";
import { startTestDb, type TestDb } from "@/testing/harness";
import { currentLevers, forgetLevers, LEVER_TTL_MS } from "./lever-cache";

let t: TestDb;
let other: PrismaClient;
beforeAll(async () => {
  t = await startTestDb();
  other = createDb(t.url, { poolSize: 2 });
});
afterAll(async () => {
  await other.$disconnect();
  await t.close();
});

describe("the per-process lever cache", () => {
  it.each(["WEBHOOKS_PAUSED", "MANUAL_BOOKING_MODE"] as const)(
    "lets another process see a change of %s within 10 seconds (well within: the TTL)",
    async (lever) => {
      expect(LEVER_TTL_MS).toBeLessThanOrEqual(5_000);
      const admin = await createUser(t.db, "ADMIN");
      // Both "processes" have read the levers and cache them.
      expect((await currentLevers(t.db))[lever]).toBe(false);
      expect((await currentLevers(other))[lever]).toBe(false);

      await setLever({ db: t.db, actorId: admin.id, lever, value: true, reason: "drill", fallback: false, now: new Date() });
      const changedAt = Date.now();
      forgetLevers(t.db); // what admin.setLever does for its own process
      expect((await currentLevers(t.db))[lever]).toBe(true);

      while (!(await currentLevers(other))[lever]) {
        expect(Date.now() - changedAt).toBeLessThan(10_000);
        await new Promise((r) => setTimeout(r, 50));
      }
      const seenAfter = Date.now() - changedAt;
      expect(seenAfter).toBeLessThanOrEqual(LEVER_TTL_MS + 500);
    },
  );

  it("falls back to the environment defaults when no row exists, and /api/health reports the levers", async () => {
    const fresh = createDb(t.url, { poolSize: 1 });
    try {
      await t.db.runtimeLever.deleteMany();
      expect(await currentLevers(fresh)).toEqual({
        WEBHOOKS_PAUSED: false,
        EMAIL_SENDING_PAUSED: false,
        BOOKINGS_CLOSED: false,
        MANUAL_BOOKING_MODE: false,
      });
    } finally {
      await fresh.$disconnect();
    }
    const admin = await createUser(t.db, "ADMIN");
    await setLever({
      db: t.db,
      actorId: admin.id,
      lever: "BOOKINGS_CLOSED",
      value: true,
      reason: "drill",
      fallback: false,
      now: new Date(),
    });
    forgetLevers(t.db);
    const report = await checkHealth();
    expect(report.levers).toEqual({
      WEBHOOKS_PAUSED: false,
      EMAIL_SENDING_PAUSED: false,
      BOOKINGS_CLOSED: true,
      MANUAL_BOOKING_MODE: false,
    });
  });
});
