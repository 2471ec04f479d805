import { AWAITING_PAYMENT, canApply, type BookingState, type BookingStatus, type PaymentStatus } from "./booking-lifecycle";

// "Live" and "unpaid" are defined here once. Queries use the same definitions through the
// where-fragments in src/modules/shared/booking-where.ts, which are built from these lists.

/** Statuses that occupy a slot for good, and those that occupy it only until the hold expires. */
export const LIVE_STATUSES = { always: ["CONFIRMED"], untilHoldExpires: ["PENDING"] } as const satisfies Record<
  string,
  readonly BookingStatus[]
>;

/** A booking occupies its slot while it is confirmed or an unexpired hold (a hold without an expiry never expires). */
export function isLive(booking: { status: BookingStatus; holdExpiresAt: Date | null }, now: Date): boolean {
  if ((LIVE_STATUSES.always as readonly BookingStatus[]).includes(booking.status)) return true;
  if (!(LIVE_STATUSES.untilHoldExpires as readonly BookingStatus[]).includes(booking.status)) return false;
  return booking.holdExpiresAt === null || booking.holdExpiresAt > now;
}

/** "Unpaid": a payment is expected and has not arrived (none yet, or a failed attempt). */
export function isAwaitingPayment(paymentStatus: PaymentStatus): boolean {
  return (AWAITING_PAYMENT as readonly PaymentStatus[]).includes(paymentStatus);
}

/** Money has been received and accounted for (kept, being refunded or refunded). */
export function isPaymentSettled(paymentStatus: PaymentStatus): boolean {
  return paymentStatus === "PAID" || paymentStatus === "REFUND_PENDING" || paymentStatus === "REFUNDED";
}

/** An unpaid hold whose time is up: the sweep cancels it, and it no longer blocks its slot. */
export function isHoldExpired(booking: BookingState & { holdExpiresAt: Date | null }, now: Date): boolean {
  return canApply("expireHold", booking) && booking.holdExpiresAt !== null && booking.holdExpiresAt <= now;
}
