import { canApply, type BookingStatus, type PaymentStatus } from "./booking-lifecycle";
import { isPaymentSettled } from "./booking-predicates";

export type PaymentReceived = { amountCents: number; currency: string };

export type PaymentDecision =
  /** Money already accounted for (a redelivery, or the twin event of one payment). */
  | "already-applied"
  /** Amount or currency differ from the price snapshot, or no payment was owed: never confirm, flag for operators. */
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
  if (isPaymentSettled(booking.paymentStatus)) return "already-applied";
  if (payment.amountCents !== booking.priceCents || payment.currency.toLowerCase() !== booking.currency.toLowerCase()) {
    return "mismatch";
  }
  if (canApply("refundLatePayment", booking)) return "refund";
  if (canApply("pay", booking)) return "confirm";
  // Money for a booking that owed none (a free session): an operator should look at it.
  return "mismatch";
}
