import { AppError } from "@/core/errors";
import { decidePayment, type PaymentDecision } from "@/core/booking/payment-decision";
import { lockBooking } from "@/modules/bookings/lock-booking";
import { confirmPayment, refundLatePayment } from "@/modules/bookings/lifecycle/record-payment";
import type { TransitionActor } from "@/modules/bookings/lifecycle/transition-actor";
import type { Tx } from "@/modules/shared/tx";

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
export async function applyPayment(tx: Tx, payment: PaymentSucceeded, hops = 0, actor?: TransitionActor): Promise<PaymentOutcome> {
  const booking = await lockBooking(tx, payment.bookingId);
  if (!booking) return "unknown-booking";
  if (booking.status === "CANCELLED" && booking.rescheduledToId && hops < 5) {
    return applyPayment(tx, { ...payment, bookingId: booking.rescheduledToId }, hops + 1, actor);
  }

  await tx.booking.update({
    where: { id: booking.id },
    data: {
      stripePaymentIntentId: booking.stripePaymentIntentId ?? payment.paymentIntentId,
      stripeCheckoutSessionId: booking.stripeCheckoutSessionId ?? payment.checkoutSessionId,
    },
  });

  const decision = decidePayment(booking, payment);
  if (decision === "mismatch") {
    await tx.booking.update({
      where: { id: booking.id },
      data: {
        attentionReason: `Payment of ${payment.amountCents} ${payment.currency} does not match the price ${booking.priceCents} ${booking.currency}`,
      },
    });
  }
  if (decision === "confirm" || decision === "refund") {
    const write = decision === "confirm" ? confirmPayment : refundLatePayment;
    // Decided on the locked row from the same lifecycle table, so the writer cannot refuse.
    if ((await write(tx, { bookingId: booking.id, amountCents: payment.amountCents, actor })) === "not-applied") {
      throw new AppError("INVALID_STATE", `Payment for booking ${booking.id} decided "${decision}" but not applicable`);
    }
  }
  return decision;
}
