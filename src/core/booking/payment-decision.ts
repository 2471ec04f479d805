import type { BookingStatus, PaymentStatus } from "./booking-status";

export type PaymentReceived = { amountCents: number; currency: string };

export type PaymentDecision =
  /** Money already accounted for (a redelivery, or the twin event of one payment). */
  | "already-applied"
  /** Amount or currency differ from the price snapshot: never confirm, flag for operators. */
  | "mismatch"
  /** The booking was cancelled (expired hold, cancelled by someone): refund, stay cancelled. */
  | "refund"
  | "confirm";

/**
 * What a successful payment means for a booking. Pure and order-independent: it only
 * looks at the booking as it is now, so checkout.session.completed and
 * payment_intent.succeeded converge whichever comes first.
 */
export function decidePayment(
  booking: { status: BookingStatus; paymentStatus: PaymentStatus; priceCents: number; currency: string },
  payment: PaymentReceived,
): PaymentDecision {
  if (["PAID", "REFUND_PENDING", "REFUNDED"].includes(booking.paymentStatus)) return "already-applied";
  if (payment.amountCents !== booking.priceCents || payment.currency.toLowerCase() !== booking.currency.toLowerCase()) {
    return "mismatch";
  }
  if (booking.status === "CANCELLED") return "refund";
  return "confirm";
}
