import type { BookingState, BookingStatus, PaymentStatus, TransitionName } from "./booking-lifecycle";
import type { TimeRefusal } from "./calendly-time-rule";
import { refundAmountCents, type RefundPolicy } from "./refund-policy";

/** Who cancelled: someone in our app, the system, or Calendly (its host or its invitee). */
export type Canceller = "CLIENT" | "BUILDER" | "ADMIN" | "SYSTEM" | "CALENDLY_HOST" | "CALENDLY_INVITEE";

/**
 * Why, as far as the lifecycle cares. "request": someone asked (the reason is their own words);
 * the others are decided by the system and stored as a code. "not-bookable": Calendly reported
 * a time our rules refuse (the note is the TimeRefusal, stored as its own code).
 */
export type CancellationCause = "request" | "hold-expired" | "rescheduled" | "slot-taken" | "not-bookable";

// Stored as cancellationReason for the system's causes; operators and monitoring query them.
const RESCHEDULED = "RESCHEDULED";
const REASON_CODES: Record<Exclude<CancellationCause, "request" | "not-bookable">, string> = {
  "hold-expired": "PAYMENT_EXPIRED",
  rescheduled: RESCHEDULED,
  "slot-taken": "SLOT_TAKEN",
};

/** One code per refusal, sharing a prefix so operators can find them all ("NOT_BOOKABLE_%"). */
export const NOT_BOOKABLE_CODES: Record<TimeRefusal, string> = {
  "not-offered": "NOT_BOOKABLE_NOT_OFFERED",
  "in-the-past": "NOT_BOOKABLE_IN_THE_PAST",
  "short-notice": "NOT_BOOKABLE_SHORT_NOTICE",
  "beyond-window": "NOT_BOOKABLE_BEYOND_WINDOW",
};
const NOT_BOOKABLE = "NOT_BOOKABLE";

/** The refusal a stored cancellationReason names, or null when it is not a refused time. */
export function timeRefusalOf(reason: string | null): TimeRefusal | null {
  const found = Object.entries(NOT_BOOKABLE_CODES).find(([, code]) => code === reason);
  return found ? (found[0] as TimeRefusal) : null;
}

/** The cancellationReason stored: the code for a system cause, the requester's words (or none) otherwise. */
export function cancellationReason(cause: CancellationCause, note: string | null): string | null {
  if (cause === "request") return note;
  if (cause === "not-bookable") return NOT_BOOKABLE_CODES[note as TimeRefusal] ?? NOT_BOOKABLE;
  return REASON_CODES[cause];
}

/** The client's side: their refund follows the policy; anyone else cancelling refunds in full. */
function isClientSide(by: Canceller): boolean {
  return by === "CLIENT" || by === "CALENDLY_INVITEE";
}

/** Calendly cancelled it itself, so nothing is to be cancelled there in turn. */
export function isCalendlySide(by: Canceller): boolean {
  return by === "CALENDLY_HOST" || by === "CALENDLY_INVITEE";
}

/**
 * Why `by` may not cancel this booking now, or null when it may. People in our app cancel
 * before the session is over, a client before it starts; the system and Calendly cancel
 * whenever the facts say so (an expired hold, a taken slot, Calendly's own cancellation).
 */
export function cancellationRefusal(
  booking: { status: BookingStatus; startTime: Date; endTime: Date },
  by: Canceller,
  now: Date,
): string | null {
  if (booking.status === "CANCELLED") return "This booking is already cancelled";
  if (by === "SYSTEM" || isCalendlySide(by)) return null;
  if (by === "CLIENT" && booking.startTime <= now) return "A session that has started can no longer be cancelled";
  if (booking.endTime <= now) return "This session is already over";
  return null;
}

/**
 * The refund a cancellation owes, in cents: only a kept payment is refunded, per the policy
 * when the client cancels, in full otherwise. The old half of a reschedule refunds nothing:
 * its payment moves to the new booking.
 */
export function refundDueOnCancel(
  booking: { paymentStatus: PaymentStatus; amountPaidCents: number | null; startTime: Date },
  { by, cause, now, policy }: { by: Canceller; cause: CancellationCause; now: Date; policy: RefundPolicy },
): number {
  if (booking.paymentStatus !== "PAID" || cause === "rescheduled") return 0;
  return refundAmountCents({
    amountPaidCents: booking.amountPaidCents ?? 0,
    startTime: booking.startTime,
    now,
    cancelledByClient: isClientSide(by),
    policy,
  });
}

/** The lifecycle transition a cancellation is. */
export function cancellationTransition(cause: CancellationCause, refundCents: number): TransitionName {
  if (cause === "hold-expired") return "expireHold";
  return refundCents > 0 ? "cancelAndRefund" : "cancel";
}

/**
 * The state a reschedule's new half starts in. It carries on the old booking's payment when
 * the old one was live (or cancelled only because of this reschedule); a booking cancelled for
 * another reason moves as a cancelled record, so the move cannot resurrect it.
 */
export function successorState(old: BookingState & { cancellationReason: string | null }): BookingState {
  const wasLive = old.status !== "CANCELLED" || old.cancellationReason === RESCHEDULED;
  if (!wasLive) return { status: "CANCELLED", paymentStatus: old.paymentStatus };
  if (old.paymentStatus === "PAID" || old.paymentStatus === "NOT_REQUIRED")
    return { status: "CONFIRMED", paymentStatus: old.paymentStatus };
  if (old.paymentStatus === "UNPAID" || old.paymentStatus === "FAILED") return { status: "PENDING", paymentStatus: old.paymentStatus };
  // The old booking's money is being (or was) refunded: the new time waits for a new payment.
  return { status: "PENDING", paymentStatus: "UNPAID" };
}
