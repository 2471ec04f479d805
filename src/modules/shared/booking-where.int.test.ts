import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOOKING_STATUSES, PAYMENT_STATUSES, TRANSITION_NAMES, canApply } from "@/core/booking/booking-lifecycle";
import { isHoldExpired, isLive } from "@/core/booking/booking-predicates";
import { startTestDb, type TestDb } from "@/testing/harness";
import { createBuilder, createSessionType } from "@/testing/factories";
import { expiredHoldWhere, liveBookingWhere, transitionWhere } from "./booking-where";

let t: TestDb;
let builderId: string;
const now = new Date();
const holds = [null, new Date(now.getTime() - 60_000), now, new Date(now.getTime() + 60_000)];

beforeAll(async () => {
  t = await startTestDb();
  const { profile } = await createBuilder(t.db);
  builderId = profile.id;
  const type = await createSessionType(t.db, profile.id);
  // Every status, payment status and kind of hold, each at a time of its own.
  let hour = 48;
  for (const status of BOOKING_STATUSES) {
    for (const paymentStatus of PAYMENT_STATUSES) {
      for (const holdExpiresAt of holds) {
        const startTime = new Date(now.getTime() + hour++ * 3_600_000);
        await t.db.booking.create({
          data: {
            sessionTypeId: type.id,
            builderId,
            clientName: "Where",
            clientEmail: "where@example.test",
            startTime,
            endTime: new Date(startTime.getTime() + 3_600_000),
            status,
            paymentStatus,
            holdExpiresAt,
            priceCents: 1000,
            currency: "usd",
          },
        });
      }
    }
  }
});
afterAll(async () => t.close());

async function matching(where: object) {
  const rows = await t.db.booking.findMany({ where: { builderId, ...where }, select: { id: true } });
  return rows.map((r) => r.id).sort();
}

async function all() {
  return t.db.booking.findMany({ where: { builderId }, select: { id: true, status: true, paymentStatus: true, holdExpiresAt: true } });
}

describe("the lifecycle's query fragments select exactly what its predicates say, in PostgreSQL", () => {
  it("has a row for every state and kind of hold", async () => {
    expect(await all()).toHaveLength(BOOKING_STATUSES.length * PAYMENT_STATUSES.length * holds.length);
  });

  it("liveBookingWhere is isLive", async () => {
    const expected = (await all()).filter((b) => isLive(b, now)).map((b) => b.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(await matching(liveBookingWhere(now))).toEqual(expected.sort());
  });

  it("expiredHoldWhere is isHoldExpired", async () => {
    const expected = (await all()).filter((b) => isHoldExpired(b, now)).map((b) => b.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(await matching(expiredHoldWhere(now))).toEqual(expected.sort());
  });

  it.each(TRANSITION_NAMES)("transitionWhere(%s) is canApply", async (name) => {
    const expected = (await all()).filter((b) => canApply(name, b)).map((b) => b.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(await matching(transitionWhere(name))).toEqual(expected.sort());
  });
});
