// booking.byId and booking.mine carry what cancelling now would do, computed with the
// lifecycle's refund rule for whoever asks; and booking.cancel then does exactly that.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BookingStatus, PaymentStatus } from "@/generated/prisma/enums";
import { createBuilder, createSessionType, createUser } from "@/testing/factories";
import { callerFor, startTestDb, type TestDb } from "@/testing/harness";

let t: TestDb;
let builder: { userId: string; profileId: string };
let paidTypeId: string;
let freeTypeId: string;
beforeAll(async () => {
  t = await startTestDb();
  const { user, profile } = await createBuilder(t.db);
  builder = { userId: user.id, profileId: profile.id };
  paidTypeId = (await createSessionType(t.db, profile.id, { priceCents: 15_000 })).id;
  freeTypeId = (await createSessionType(t.db, profile.id)).id;
});
afterAll(async () => t.close());

const POLICY = "Free cancellation until 24 hours before the start; after that, no refund.";
let slot = 0;

async function bookingFor(
  clientId: string,
  {
    hoursAhead,
    paid = true,
    status = "CONFIRMED",
    paymentStatus = paid ? "PAID" : "NOT_REQUIRED",
  }: {
    hoursAhead: number;
    paid?: boolean;
    status?: BookingStatus;
    paymentStatus?: PaymentStatus;
  },
) {
  // Distinct minutes keep the rows clear of the overlap constraint.
  const start = new Date(Date.now() + hoursAhead * 3_600_000 + slot++ * 60_000);
  start.setUTCSeconds(0, 0);
  const row = await t.db.booking.create({
    data: {
      sessionTypeId: paid ? paidTypeId : freeTypeId,
      builderId: builder.profileId,
      clientId,
      clientName: "Preview Client",
      clientEmail: "preview@example.test",
      startTime: start,
      endTime: new Date(start.getTime() + 60_000),
      priceCents: paid ? 15_000 : 0,
      currency: "usd",
      status,
      paymentStatus,
      amountPaidCents: paymentStatus === "PAID" ? 15_000 : null,
      holdExpiresAt: status === "PENDING" ? new Date(Date.now() + 30 * 60_000) : null,
    },
  });
  return row.id;
}

describe("cancellation preview", () => {
  it("promises the full refund before the cutoff, and cancel refunds it", async () => {
    const client = await createUser(t.db);
    const id = await bookingFor(client.id, { hoursAhead: 48 });
    const caller = callerFor(t.db, client.id);
    const view = await caller.booking.byId({ id });
    expect(view.cancellation).toMatchObject({ policy: POLICY, outcome: "You will be refunded $150.00" });
    expect(view.cancellation?.refundCutoff?.getTime()).toBe(view.startTime.getTime() - 24 * 3_600_000);
    const cancelled = await caller.booking.cancel({ id });
    expect(cancelled.paymentStatus).toBe("REFUND_PENDING");
  });

  it("says not refundable after the cutoff, and cancel keeps the payment", async () => {
    const client = await createUser(t.db);
    const id = await bookingFor(client.id, { hoursAhead: 5 });
    const caller = callerFor(t.db, client.id);
    expect((await caller.booking.byId({ id })).cancellation?.outcome).toBe("Cancelling now is not refundable ($150.00)");
    const listed = (await caller.booking.mine()).find((b) => b.id === id);
    expect(listed?.cancellation?.outcome).toBe("Cancelling now is not refundable ($150.00)");
    const cancelled = await caller.booking.cancel({ id });
    expect(cancelled.paymentStatus).toBe("PAID");
  });

  it("tells the builder their late cancel still refunds the client in full", async () => {
    const client = await createUser(t.db);
    const id = await bookingFor(client.id, { hoursAhead: 5 });
    const view = await callerFor(t.db, builder.userId).booking.byId({ id });
    expect(view.cancellation?.outcome).toBe("You will be refunded $150.00");
  });

  it("says nothing about money for a free session or an unpaid hold", async () => {
    const client = await createUser(t.db);
    const free = await bookingFor(client.id, { hoursAhead: 5, paid: false });
    const hold = await bookingFor(client.id, { hoursAhead: 5, status: "PENDING", paymentStatus: "UNPAID" });
    const caller = callerFor(t.db, client.id);
    expect((await caller.booking.byId({ id: free })).cancellation).toEqual({ policy: null, outcome: null, refundCutoff: null });
    expect((await caller.booking.byId({ id: hold })).cancellation).toMatchObject({ policy: POLICY, outcome: null });
  });

  it("never reveals the amount paid", async () => {
    const client = await createUser(t.db);
    const id = await bookingFor(client.id, { hoursAhead: 48 });
    expect(await callerFor(t.db, client.id).booking.byId({ id })).not.toHaveProperty("amountPaidCents");
  });
});
