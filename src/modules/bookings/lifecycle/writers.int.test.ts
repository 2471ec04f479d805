import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BookingStatus, PaymentStatus } from "@/generated/prisma/enums";
import { startTestDb, type TestDb } from "@/testing/harness";
import { outboxKinds } from "@/testing/booking-fixtures";
import { createBuilder, createSessionType } from "@/testing/factories";
import { applyCancellation } from "./apply-cancellation";
import { confirmBooking } from "./confirm-booking";
import { expireHolds } from "./expire-holds";
import { insertBooking } from "./insert-booking";
import { confirmPayment, recordPaymentFailure, refundLatePayment } from "./record-payment";
import { recordRefund } from "./record-refund";

let t: TestDb;
let builderId: string;
let sessionTypeId: string;
beforeAll(async () => {
  t = await startTestDb();
  const { profile } = await createBuilder(t.db);
  builderId = profile.id;
  sessionTypeId = (await createSessionType(t.db, profile.id, { priceCents: 5000 })).id;
});
afterAll(async () => t.close());

const now = new Date();
const policy = { fullRefundHoursBefore: 24 };
let slot = 0;

/** The columns a booking needs besides its state, at a start of its own (the overlap constraint holds in tests too). */
function bookingData(extra: { holdExpiresAt?: Date | null; calendlyEventUri?: string; stripeCheckoutSessionId?: string } = {}) {
  const start = new Date(now.getTime() + (72 + 2 * slot++) * 3_600_000);
  return {
    sessionTypeId,
    builderId,
    clientName: "Writer Test",
    clientEmail: "writer@example.test",
    startTime: start,
    endTime: new Date(start.getTime() + 3_600_000),
    priceCents: 5000,
    currency: "usd",
    ...extra,
  };
}

/** A row in any state, written directly: the writers are what is under test. */
async function bookingIn(status: BookingStatus, paymentStatus: PaymentStatus, extra: Parameters<typeof bookingData>[0] = {}) {
  const data = { holdExpiresAt: status === "PENDING" ? new Date(now.getTime() + 30 * 60_000) : null, ...extra };
  const row = await t.db.booking.create({
    data: { ...bookingData(data), status, paymentStatus, amountPaidCents: paymentStatus === "PAID" ? 5000 : null },
  });
  return row.id;
}

const stateOf = async (id: string) => {
  const b = await t.db.booking.findUniqueOrThrow({ where: { id } });
  return { status: b.status, paymentStatus: b.paymentStatus };
};

describe("the lifecycle writers against real PostgreSQL", () => {
  it("confirm: applies once from PENDING without payment, owes one confirmation, and refuses a booking awaiting payment", async () => {
    const free = await bookingIn("PENDING", "NOT_REQUIRED");
    expect(await confirmBooking(t.db, { bookingId: free })).toBe("applied");
    expect(await t.db.booking.findUniqueOrThrow({ where: { id: free } })).toMatchObject({ status: "CONFIRMED", holdExpiresAt: null });
    expect(await confirmBooking(t.db, { bookingId: free })).toBe("not-applied");
    expect(await outboxKinds(t.db, free)).toEqual([
      "EMAIL_CONFIRMATION",
      "EMAIL_BUILDER_NEW_BOOKING",
      "EMAIL_REMINDER_CLIENT",
      "EMAIL_REMINDER_BUILDER",
    ]);

    const unpaid = await bookingIn("PENDING", "UNPAID");
    expect(await confirmBooking(t.db, { bookingId: unpaid })).toBe("not-applied");
    expect(await stateOf(unpaid)).toEqual({ status: "PENDING", paymentStatus: "UNPAID" });
    expect(await outboxKinds(t.db, unpaid)).toEqual([]);
    expect(await confirmBooking(t.db, { bookingId: "no-such-booking" })).toBe("not-applied");
  });

  it("payments: confirm a held booking, refund one cancelled meanwhile, record a failure; each only from its own states", async () => {
    const held = await bookingIn("PENDING", "FAILED");
    expect(await confirmPayment(t.db, { bookingId: held, amountCents: 5000 })).toBe("applied");
    expect(await t.db.booking.findUniqueOrThrow({ where: { id: held } })).toMatchObject({
      status: "CONFIRMED",
      paymentStatus: "PAID",
      amountPaidCents: 5000,
      holdExpiresAt: null,
    });
    expect(await outboxKinds(t.db, held)).toEqual([
      "EMAIL_CONFIRMATION",
      "EMAIL_PAYMENT_RECEIPT",
      "EMAIL_BUILDER_NEW_BOOKING",
      "EMAIL_BUILDER_PAYMENT_RECEIVED",
      "EMAIL_REMINDER_CLIENT",
      "EMAIL_REMINDER_BUILDER",
    ]);
    expect(await refundLatePayment(t.db, { bookingId: held, amountCents: 5000 })).toBe("not-applied");
    expect(await recordPaymentFailure(t.db, { bookingId: held })).toBe("not-applied");
    expect(await stateOf(held)).toEqual({ status: "CONFIRMED", paymentStatus: "PAID" });

    const cancelled = await bookingIn("CANCELLED", "UNPAID");
    expect(await confirmPayment(t.db, { bookingId: cancelled, amountCents: 5000 })).toBe("not-applied");
    expect(await refundLatePayment(t.db, { bookingId: cancelled, amountCents: 5000 })).toBe("applied");
    expect(await t.db.booking.findUniqueOrThrow({ where: { id: cancelled } })).toMatchObject({
      status: "CANCELLED",
      paymentStatus: "REFUND_PENDING",
      refundedCents: 5000,
    });
    expect(await outboxKinds(t.db, cancelled)).toEqual(["STRIPE_REFUND"]);

    const failing = await bookingIn("PENDING", "UNPAID");
    expect(await recordPaymentFailure(t.db, { bookingId: failing })).toBe("applied");
    expect(await recordPaymentFailure(t.db, { bookingId: failing })).toBe("not-applied");
    expect(await stateOf(failing)).toEqual({ status: "PENDING", paymentStatus: "FAILED" });
    expect(await outboxKinds(t.db, failing)).toEqual([]);
  });

  it("refund: marks kept or refunding money refunded once, owing one notice, and refuses a booking with nothing paid", async () => {
    const paid = await bookingIn("CONFIRMED", "PAID");
    expect(await recordRefund(t.db, { bookingId: paid, refundedCents: 2500 })).toBe("applied");
    expect(await t.db.booking.findUniqueOrThrow({ where: { id: paid } })).toMatchObject({ paymentStatus: "REFUNDED", refundedCents: 2500 });
    expect(await recordRefund(t.db, { bookingId: paid })).toBe("not-applied");
    expect(await outboxKinds(t.db, paid)).toEqual(["EMAIL_REFUND_NOTICE"]);

    const unpaid = await bookingIn("CANCELLED", "UNPAID");
    expect(await recordRefund(t.db, { bookingId: unpaid })).toBe("not-applied");
    expect(await outboxKinds(t.db, unpaid)).toEqual([]);
  });

  it("cancel: refunds by the policy and owes every effect once; of concurrent cancellations exactly one applies", async () => {
    const id = await bookingIn("CONFIRMED", "PAID", { calendlyEventUri: `https://api.calendly.com/scheduled_events/${Date.now()}` });
    const attempts = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.db.$transaction((tx) =>
          applyCancellation(tx, { bookingId: id, now: new Date(), by: "CLIENT", cause: "request", note: "Race", refundPolicy: policy }),
        ),
      ),
    );
    expect(attempts.filter((a) => a.outcome === "applied")).toHaveLength(1);
    for (const a of attempts.filter((a) => a.outcome === "not-applied"))
      expect(a).toEqual({ outcome: "not-applied", refusal: "This booking is already cancelled" });
    expect(await t.db.booking.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "CANCELLED",
      paymentStatus: "REFUND_PENDING",
      refundedCents: 5000,
      cancelledBy: "CLIENT",
      cancellationReason: "Race",
    });
    expect(await outboxKinds(t.db, id)).toEqual(["EMAIL_CANCELLATION", "STRIPE_REFUND", "CALENDLY_CANCEL", "EMAIL_BUILDER_CANCELLATION"]);
  });

  it("cancel: an expiry applies only to an unpaid hold, and a client cannot cancel a session that started", async () => {
    const confirmed = await bookingIn("CONFIRMED", "PAID");
    const expiry = await t.db.$transaction((tx) =>
      applyCancellation(tx, { bookingId: confirmed, now, by: "SYSTEM", cause: "hold-expired", refundPolicy: policy }),
    );
    expect(expiry).toEqual({ outcome: "not-applied", refusal: "Only an unpaid hold can expire" });
    expect(await stateOf(confirmed)).toEqual({ status: "CONFIRMED", paymentStatus: "PAID" });
    expect(await outboxKinds(t.db, confirmed)).toEqual([]);

    const { startTime } = await t.db.booking.findUniqueOrThrow({ where: { id: confirmed } });
    const duringSession = new Date(startTime.getTime() + 60_000);
    const started = await t.db.$transaction((tx) =>
      applyCancellation(tx, { bookingId: confirmed, now: duringSession, by: "CLIENT", cause: "request", refundPolicy: policy }),
    );
    expect(started).toEqual({ outcome: "not-applied", refusal: "A session that has started can no longer be cancelled" });

    const hold = await bookingIn("PENDING", "UNPAID", { stripeCheckoutSessionId: `cs_writer_${Date.now()}` });
    const expired = await t.db.$transaction((tx) =>
      applyCancellation(tx, { bookingId: hold, now, by: "SYSTEM", cause: "hold-expired", refundPolicy: policy }),
    );
    expect(expired).toEqual({ outcome: "applied", owed: ["EMAIL_HOLD_EXPIRED"] });
    expect(await t.db.booking.findUniqueOrThrow({ where: { id: hold } })).toMatchObject({
      status: "CANCELLED",
      cancellationReason: "PAYMENT_EXPIRED",
    });
  });

  it("expireHolds: cancels exactly the unpaid holds whose time is up, owing a Calendly cancellation where scheduled there", async () => {
    const past = new Date(now.getTime() - 1000);
    const onCalendly = await bookingIn("PENDING", "UNPAID", {
      holdExpiresAt: past,
      calendlyEventUri: `https://api.calendly.com/scheduled_events/x${Date.now()}`,
    });
    const withCheckout = await bookingIn("PENDING", "FAILED", { holdExpiresAt: past, stripeCheckoutSessionId: `cs_expired_${Date.now()}` });
    const fresh = await bookingIn("PENDING", "UNPAID");
    const unlimited = await bookingIn("PENDING", "UNPAID", { holdExpiresAt: null });

    expect(await t.db.$transaction((tx) => expireHolds(tx, { now, builderId }))).toBe(2);
    for (const id of [onCalendly, withCheckout]) {
      expect(await t.db.booking.findUniqueOrThrow({ where: { id } })).toMatchObject({
        status: "CANCELLED",
        cancelledBy: "SYSTEM",
        cancellationReason: "PAYMENT_EXPIRED",
        cancelledAt: now,
      });
    }
    // The Checkout Session expires with the hold (same instant): nothing to close.
    expect(await outboxKinds(t.db, onCalendly)).toEqual(["CALENDLY_CANCEL", "EMAIL_HOLD_EXPIRED"]);
    expect(await outboxKinds(t.db, withCheckout)).toEqual(["EMAIL_HOLD_EXPIRED"]);
    for (const id of [fresh, unlimited]) expect(await stateOf(id)).toEqual({ status: "PENDING", paymentStatus: "UNPAID" });
    expect(await t.db.$transaction((tx) => expireHolds(tx, { now, builderId }))).toBe(0);
  });

  it("expireHolds with `overlapping` (a new booking's time): cancels only the expired holds on that time", async () => {
    const past = new Date(now.getTime() - 1000);
    const there = await bookingIn("PENDING", "UNPAID", { holdExpiresAt: past });
    const elsewhere = await bookingIn("PENDING", "UNPAID", { holdExpiresAt: past });
    const { startTime, endTime } = await t.db.booking.findUniqueOrThrow({ where: { id: there } });
    // Half an hour into the hold's hour: overlapping, not equal.
    const overlapping = { start: new Date(startTime.getTime() + 30 * 60_000), end: new Date(endTime.getTime() + 30 * 60_000) };

    expect(await t.db.$transaction((tx) => expireHolds(tx, { now, builderId, overlapping }))).toBe(1);
    expect(await stateOf(there)).toEqual({ status: "CANCELLED", paymentStatus: "UNPAID" });
    expect(await stateOf(elsewhere)).toEqual({ status: "PENDING", paymentStatus: "UNPAID" });
    // Touching end to start is no overlap ([start, end) ranges, as in the constraint).
    const after = { start: endTime, end: new Date(endTime.getTime() + 3_600_000) };
    expect(await t.db.$transaction((tx) => expireHolds(tx, { now, builderId, overlapping: after }))).toBe(0);
    expect(await t.db.$transaction((tx) => expireHolds(tx, { now, builderId }))).toBe(1);
  });

  it("insert: only in a state a booking may start in, with the effects that start owes", async () => {
    const before = await t.db.booking.count();
    await expect(
      insertBooking(t.db, { data: bookingData(), state: { status: "CONFIRMED", paymentStatus: "UNPAID" } }),
    ).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    await expect(
      insertBooking(t.db, { data: bookingData(), state: { status: "CANCELLED", paymentStatus: "UNPAID" } }),
    ).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    expect(await t.db.booking.count()).toBe(before);

    const free = await insertBooking(t.db, {
      data: bookingData({ holdExpiresAt: new Date(now.getTime() + 60_000) }),
      state: { status: "CONFIRMED", paymentStatus: "NOT_REQUIRED" },
    });
    expect(free).toMatchObject({ status: "CONFIRMED", holdExpiresAt: null });
    expect(await outboxKinds(t.db, free.id)).toEqual([
      "EMAIL_CONFIRMATION",
      "EMAIL_BUILDER_NEW_BOOKING",
      "EMAIL_REMINDER_CLIENT",
      "EMAIL_REMINDER_BUILDER",
    ]);

    const moved = await insertBooking(t.db, {
      data: bookingData(),
      state: { status: "CONFIRMED", paymentStatus: "PAID" },
      rescheduled: true,
    });
    expect(await outboxKinds(t.db, moved.id)).toEqual([
      "EMAIL_RESCHEDULE",
      "EMAIL_BUILDER_RESCHEDULE",
      "EMAIL_REMINDER_CLIENT",
      "EMAIL_REMINDER_BUILDER",
    ]);

    const clash = await insertBooking(t.db, {
      data: bookingData({ calendlyEventUri: `https://api.calendly.com/scheduled_events/c${Date.now()}` }),
      state: { status: "CANCELLED", paymentStatus: "UNPAID" },
      cancellation: { by: "SYSTEM", cause: "slot-taken", at: now },
    });
    expect(clash).toMatchObject({ status: "CANCELLED", cancelledBy: "SYSTEM", cancellationReason: "SLOT_TAKEN" });
    expect(await outboxKinds(t.db, clash.id)).toEqual(["CALENDLY_CANCEL"]);

    const held = await insertBooking(t.db, {
      data: bookingData({ holdExpiresAt: now }),
      state: { status: "PENDING", paymentStatus: "UNPAID" },
    });
    expect(held.holdExpiresAt).toEqual(now);
    expect(await outboxKinds(t.db, held.id)).toEqual([]);
  });
});
