import {
  cancellationReason,
  cancellationRefusal,
  cancellationTransition,
  refundDueOnCancel,
  type CancellationCause,
  type Canceller,
} from "@/core/booking/booking-cancellation";
import { owedOnCancel, type OwedEffect } from "@/core/booking/booking-effects";
import { refundAmountCents, type RefundPolicy } from "@/core/booking/refund-policy";
import type { Tx } from "@/modules/shared/tx";
import { lockBooking } from "../lock-booking";
import type { TransitionActor } from "./transition-actor";
import { transitionBooking } from "./transition-booking";

export type CancellationInput = {
  bookingId: string;
  now: Date;
  by: Canceller;
  cause: CancellationCause;
  /** The requester's own words, for cause "request". */
  note?: string | null;
  refundPolicy: RefundPolicy;
  /**
   * An operator's choice instead of the lifecycle's default refund: "policy" refunds as if the
   * client had cancelled, "full" all of it, "none" nothing (the payment is kept).
   */
  refundChoice?: RefundChoice;
  /** Who caused it, for the history (default SYSTEM). */
  actor?: TransitionActor;
};

export type RefundChoice = "policy" | "full" | "none";

export type CancellationResult = { outcome: "applied"; owed: OwedEffect[] } | { outcome: "not-applied"; refusal: string };

/**
 * The writer of cancellations ("cancel", "cancelAndRefund", "expireHold"; expire-holds.ts is
 * its form for many expired holds at once). The row is locked first, so a payment confirming
 * at this moment (it locks the row too) is either seen here, and refunded by the policy, or
 * sees this cancellation and refunds itself. Who may cancel, the refund and the side effects
 * all come from the core lifecycle; the update is conditional, so of two racing cancellations
 * one owes the email and the refund.
 */
export async function applyCancellation(tx: Tx, input: CancellationInput): Promise<CancellationResult> {
  const booking = await lockBooking(tx, input.bookingId);
  if (!booking) return { outcome: "not-applied", refusal: "Booking not found" };
  const refusal = cancellationRefusal(booking, input.by, input.now);
  if (refusal) return { outcome: "not-applied", refusal };

  const { by, cause, now } = input;
  const refundCents = input.refundChoice
    ? chosenRefund(booking, input.refundChoice, { now, policy: input.refundPolicy })
    : refundDueOnCancel(booking, { by, cause, now, policy: input.refundPolicy });
  const name = cancellationTransition(cause, refundCents);
  const owed = owedOnCancel({
    before: booking,
    cause,
    by,
    refunding: refundCents > 0,
    onCalendly: booking.calendlyEventUri !== null,
    checkoutOpened: booking.stripeCheckoutSessionId !== null,
  });
  const written = await transitionBooking(tx, {
    bookingId: booking.id,
    name,
    data: {
      cancelledAt: now,
      cancelledBy: by,
      cancellationReason: cancellationReason(cause, input.note ?? null),
      ...(refundCents > 0 ? { refundedCents: refundCents } : {}),
    },
    owed,
    actor: input.actor,
  });
  if (written === "applied") return { outcome: "applied", owed };
  // Only "expireHold" has "from" states narrower than the refusal rules: a paid or confirmed booking's hold does not expire.
  return { outcome: "not-applied", refusal: "Only an unpaid hold can expire" };
}

/** The refund an operator chose, in cents; only a kept payment can be refunded. */
function chosenRefund(
  booking: { paymentStatus: string; amountPaidCents: number | null; startTime: Date },
  choice: RefundChoice,
  { now, policy }: { now: Date; policy: RefundPolicy },
): number {
  const paid = booking.amountPaidCents ?? 0;
  if (booking.paymentStatus !== "PAID" || choice === "none") return 0;
  if (choice === "full") return paid;
  return refundAmountCents({ amountPaidCents: paid, startTime: booking.startTime, now, cancelledByClient: true, policy });
}
