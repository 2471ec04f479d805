import type { Tx } from "@/server/db/client";
import { decidePayment, type PaymentDecision } from "@/core/booking/payment-decision";
import { enqueueOutbox } from "@/modules/outbox/enqueue-outbox";
import { lockBooking } from "@/modules/bookings/lock-booking";

export type PaymentSucceeded = {
  bookingId: string;
  amountCents: number;
  currency: string;
  paymentIntentId: string | null;
  checkoutSessionId: string | null;
};

export type PaymentOutcome = PaymentDecision | "unknown-booking";

/**
 * A successful payment, from whichever Stripe event reported it first. The booking row is
 * locked so two racing events serialise; the decision is then made on the current state.
 * A booking cancelled as half of a reschedule hands the payment on to its successor.
 */
export async function applyPayment(tx: Tx, payment: PaymentSucceeded, now: Date, hops = 0): Promise<PaymentOutcome> {
  const booking = await lockBooking(tx, payment.bookingId);
  if (!booking) return "unknown-booking";
  if (booking.status === "CANCELLED" && booking.rescheduledToId && hops < 5) {
    return applyPayment(tx, { ...payment, bookingId: booking.rescheduledToId }, now, hops + 1);
  }

  await tx.booking.update({
    where: { id: booking.id },
    data: {
      stripePaymentIntentId: booking.stripePaymentIntentId ?? payment.paymentIntentId,
      stripeCheckoutSessionId: booking.stripeCheckoutSessionId ?? payment.checkoutSessionId,
    },
  });

  const decision = decidePayment(booking, payment);
  switch (decision) {
    case "already-applied":
      return decision;
    case "mismatch":
      await tx.booking.update({
        where: { id: booking.id },
        data: {
          attentionReason: `Payment of ${payment.amountCents} ${payment.currency} does not match the price ${booking.priceCents} ${booking.currency}`,
        },
      });
      return decision;
    case "refund":
      await tx.booking.update({
        where: { id: booking.id },
        data: { paymentStatus: "REFUND_PENDING", amountPaidCents: payment.amountCents, refundedCents: payment.amountCents },
      });
      await enqueueOutbox(tx, booking.id, ["STRIPE_REFUND"]);
      return decision;
    case "confirm":
      await tx.booking.update({
        where: { id: booking.id },
        data: {
          status: "CONFIRMED",
          paymentStatus: "PAID",
          amountPaidCents: payment.amountCents,
          holdExpiresAt: null,
          attentionReason: null,
        },
      });
      await enqueueOutbox(tx, booking.id, ["EMAIL_CONFIRMATION", "EMAIL_PAYMENT_RECEIPT"]);
      return decision;
  }
}
