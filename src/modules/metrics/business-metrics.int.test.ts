import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import { flushSlotRequests } from "@/server/observability/slot-request-funnel";
import { callerFor, startTestDb, type TestDb } from "@/testing/harness";
import { createBuilder, createSessionType, createUser, futureHour } from "@/testing/factories";
import { createFunnelCounter, flushFunnelCounts } from "./funnel-counter";

// The console's business metrics over seeded bookings whose every figure is known, on fixed
// past UTC days (2026-01-10..12), plus the slot-request funnel written in batches.

let t: TestDb;
let adminId: string;
let free: { id: string };
let paid: { id: string };
let euro: { id: string };
const at = (iso: string) => new Date(iso);
let hour = 0;

async function booking(data: Partial<Prisma.BookingUncheckedCreateInput> & { sessionTypeId: string; builderId: string; createdAt: Date }) {
  // Distinct times: the exclusion constraint refuses overlapping live bookings of one builder.
  const start = new Date(Date.UTC(2026, 0, 20, 0) + hour++ * 3_600_000);
  return t.db.booking.create({
    data: {
      clientName: "Client",
      clientEmail: "client@example.test",
      startTime: start,
      endTime: new Date(start.getTime() + 3_600_000),
      status: "CONFIRMED",
      paymentStatus: "NOT_REQUIRED",
      priceCents: 0,
      currency: "usd",
      ...data,
    },
  });
}

beforeAll(async () => {
  t = await startTestDb();
  adminId = (await createUser(t.db, "ADMIN")).id;
  const a = await createBuilder(t.db, { displayName: "Ada Metrics" });
  const b = await createBuilder(t.db, { displayName: "Bea Metrics" });
  free = await createSessionType(t.db, a.profile.id);
  paid = await createSessionType(t.db, a.profile.id, { priceCents: 5000 });
  euro = await createSessionType(t.db, b.profile.id, { priceCents: 3000, currency: "eur" });
  const A = { builderId: a.profile.id };
  const paidA = { ...A, sessionTypeId: paid.id, priceCents: 5000 };

  const b1 = await booking({ ...A, sessionTypeId: free.id, createdAt: at("2026-01-10T09:00:00Z") });
  const b2 = await booking({
    ...paidA,
    paymentStatus: "PAID",
    stripeCheckoutSessionId: "cs_m_1",
    amountPaidCents: 5000,
    createdAt: at("2026-01-10T23:50:00Z"),
  });
  // Paid the next UTC day: revenue counts on the day of the payment transition.
  await t.db.bookingTransition.create({
    data: {
      bookingId: b2.id,
      transition: "pay",
      toStatus: "CONFIRMED",
      toPayment: "PAID",
      actorType: "STRIPE",
      createdAt: at("2026-01-11T00:05:00Z"),
    },
  });
  await booking({
    ...paidA,
    status: "CANCELLED",
    paymentStatus: "UNPAID",
    cancelledBy: "SYSTEM",
    cancelledAt: at("2026-01-10T12:30:00Z"),
    stripeCheckoutSessionId: "cs_m_2",
    createdAt: at("2026-01-10T12:00:00Z"),
  });
  await booking({
    ...paidA,
    status: "PENDING",
    paymentStatus: "FAILED",
    stripeCheckoutSessionId: "cs_m_3",
    createdAt: at("2026-01-11T08:00:00Z"),
  });
  const b5 = await booking({
    builderId: b.profile.id,
    sessionTypeId: euro.id,
    priceCents: 3000,
    currency: "eur",
    status: "CANCELLED",
    paymentStatus: "REFUNDED",
    cancelledBy: "CLIENT",
    cancelledAt: at("2026-01-12T10:00:00Z"),
    stripeCheckoutSessionId: "cs_m_4",
    amountPaidCents: 3000,
    refundedCents: 3000,
    createdAt: at("2026-01-11T09:00:00Z"),
  });
  // It was confirmed before being cancelled: it converted.
  await t.db.bookingTransition.create({
    data: {
      bookingId: b5.id,
      transition: "pay",
      toStatus: "CONFIRMED",
      toPayment: "PAID",
      actorType: "STRIPE",
      createdAt: at("2026-01-11T09:10:00Z"),
    },
  });
  // A paid booking whose checkout never started; a reschedule (not a new booking); one day too early.
  await booking({ ...paidA, status: "PENDING", paymentStatus: "UNPAID", createdAt: at("2026-01-11T10:00:00Z") });
  await booking({ ...A, sessionTypeId: free.id, rescheduledFromId: b1.id, createdAt: at("2026-01-11T11:00:00Z") });
  await booking({ ...A, sessionTypeId: free.id, createdAt: at("2026-01-09T23:59:59Z") });

  const counter = createFunnelCounter();
  for (let i = 0; i < 3; i++) counter.record(paid.id, Date.parse("2026-01-10T15:00:00Z"));
  counter.record(free.id, Date.parse("2026-01-11T00:00:00Z"));
  counter.record("no-such-session-type", Date.parse("2026-01-11T00:00:00Z"));
  await flushFunnelCounts(t.db, counter.drain());
  // A second batch adds to the same rows.
  counter.record(free.id, Date.parse("2026-01-11T23:59:59Z"));
  await flushFunnelCounts(t.db, counter.drain());
});
afterAll(async () => t.close());

const range = { from: "2026-01-10", to: "2026-01-12" };

describe("admin.metrics over seeded bookings", () => {
  it("booking conversion: slot requests -> bookings created -> confirmed, per UTC day", async () => {
    const c = await callerFor(t.db, adminId).admin.metrics.conversion(range);
    expect({ requests: c.slotRequests, created: c.bookingsCreated, confirmed: c.bookingsConfirmed }).toEqual({
      requests: 5,
      created: 6,
      confirmed: 3,
    });
    expect(c.days).toEqual([
      { day: "2026-01-10", slotRequests: 3, bookingsCreated: 3, bookingsConfirmed: 2 },
      { day: "2026-01-11", slotRequests: 2, bookingsCreated: 3, bookingsConfirmed: 1 },
      { day: "2026-01-12", slotRequests: 0, bookingsCreated: 0, bookingsConfirmed: 0 },
    ]);
    expect(await t.db.funnelCount.count({ where: { sessionTypeId: "no-such-session-type" } })).toBe(0);
  });

  it("payment success: checkouts started -> paid / failed / expired", async () => {
    expect(await callerFor(t.db, adminId).admin.metrics.payments(range)).toEqual({
      checkoutsStarted: 4,
      paid: 2,
      failed: 1,
      expired: 1,
      open: 0,
      successRate: 0.5,
    });
  });

  it("session type popularity, most booked first, top N", async () => {
    const top = await callerFor(t.db, adminId).admin.metrics.popularity({ range, limit: 2 });
    expect(top.map((p) => [p.sessionTypeId, p.bookings, p.confirmed])).toEqual([
      [paid.id, 4, 1],
      [free.id, 1, 1],
    ]);
    expect(top[0]?.builderName).toBe("Ada Metrics");
  });

  it("revenue and refunds by the UTC day the money moved, per currency", async () => {
    const r = await callerFor(t.db, adminId).admin.metrics.revenue(range);
    expect(r.days).toEqual([
      { day: "2026-01-11", currency: "eur", revenueCents: 3000, refundedCents: 0 },
      { day: "2026-01-11", currency: "usd", revenueCents: 5000, refundedCents: 0 },
      { day: "2026-01-12", currency: "eur", revenueCents: 0, refundedCents: 3000 },
    ]);
    expect(r.totals).toEqual([
      { currency: "eur", revenueCents: 3000, refundedCents: 3000, netCents: 0 },
      { currency: "usd", revenueCents: 5000, refundedCents: 0, netCents: 5000 },
    ]);
    // The payment landed on 01-11: a range of 01-10 alone has no revenue.
    expect((await callerFor(t.db, adminId).admin.metrics.revenue({ from: "2026-01-10", to: "2026-01-10" })).totals).toEqual([]);
  });

  it("overview returns every figure for one range in one call", async () => {
    const o = await callerFor(t.db, adminId).admin.metrics.overview({ range });
    expect(o.range).toEqual(range);
    expect(o.conversion.bookingsCreated).toBe(6);
    expect(o.payments.paid).toBe(2);
    expect(o.popularity).toHaveLength(3);
    expect(o.revenue.totals).toHaveLength(2);
  });

  it("refuses a reversed range, one longer than 366 days and a malformed date with 400s", async () => {
    const m = callerFor(t.db, adminId).admin.metrics;
    await expect(m.conversion({ from: "2026-01-12", to: "2026-01-10" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // 366 days is the most: 2025-01-11..2026-01-11 is allowed, one day more is not.
    await expect(m.conversion({ from: "2025-01-10", to: "2026-01-11" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(m.payments({ from: "2025-01-11", to: "2026-01-11" })).resolves.toMatchObject({ checkoutsStarted: 4 });
    await expect(m.revenue({ from: "2026-13-01", to: "2026-01-02" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("is for admins only", async () => {
    const builder = await createBuilder(t.db);
    await expect(callerFor(t.db, builder.user.id).admin.metrics.overview({ range })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(t.db, (await createUser(t.db)).id).admin.metrics.conversion(range)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(t.db).admin.metrics.payments(range)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("slot.list feeds the funnel", () => {
  it("counts each answered request in memory and writes them in one flush", async () => {
    const day = futureHour(3).toISOString().slice(0, 10);
    const input = { sessionTypeId: free.id, startDate: day, endDate: day, timeZone: "UTC" };
    for (let i = 0; i < 4; i++) await callerFor(t.db).slot.list(input);
    // Refused (unknown session type): not a slot request.
    await expect(callerFor(t.db).slot.list({ ...input, sessionTypeId: "missing" })).rejects.toThrow();
    const today = new Date().toISOString().slice(0, 10);
    const row = () => t.db.funnelCount.findFirst({ where: { sessionTypeId: free.id, day: new Date(`${today}T00:00:00Z`) } });
    expect(await row()).toBeNull();
    await flushSlotRequests(t.db);
    expect((await row())?.count).toBe(4);
    await callerFor(t.db).slot.list(input);
    await flushSlotRequests(t.db);
    expect((await row())?.count).toBe(5);
  });
});
