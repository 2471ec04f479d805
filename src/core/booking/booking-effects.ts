import type { BookingState } from "./booking-lifecycle";
import { isCalendlySide, type CancellationCause, type Canceller } from "./booking-cancellation";
import { isAwaitingPayment } from "./booking-predicates";

// The side effects each transition owes. The writers record them as outbox rows in the same
// transaction as the change; workers deliver them after commit.

export type OwedEffect =
  | "EMAIL_CONFIRMATION"
  | "EMAIL_PAYMENT_RECEIPT"
  | "EMAIL_CANCELLATION"
  | "EMAIL_RESCHEDULE"
  | "EMAIL_REFUND_NOTICE"
  | "STRIPE_REFUND"
  | "STRIPE_EXPIRE_CHECKOUT"
  | "CALENDLY_CANCEL"
  | "EMAIL_BUILDER_NEW_BOOKING"
  | "EMAIL_BUILDER_CANCELLATION"
  | "EMAIL_BUILDER_RESCHEDULE"
  | "EMAIL_BUILDER_PAYMENT_RECEIVED"
  | "EMAIL_REMINDER_CLIENT"
  | "EMAIL_REMINDER_BUILDER"
  | "EMAIL_PAYMENT_LINK"
  | "EMAIL_HOLD_EXPIRED"
  | "EMAIL_TIME_REFUSED";

/** Outbox kinds that are about an account, not a booking (no lifecycle transition owes them). */
export type AccountEffect = "EMAIL_PASSWORD_RESET";

/** The client's and the builder's reminders; when each is due is decided where it is written (reminder-schedule.ts). */
export const REMINDERS = ["EMAIL_REMINDER_CLIENT", "EMAIL_REMINDER_BUILDER"] as const satisfies OwedEffect[];
export type ReminderEffect = (typeof REMINDERS)[number];

export function isReminder(kind: string): kind is ReminderEffect {
  return (REMINDERS as readonly string[]).includes(kind);
}

/**
 * A new booking: a confirmed one is announced to both sides (as a reschedule for the new half
 * of one) and owes its reminders; a hold awaiting payment that Calendly created (no page of
 * ours is open to send the client to Checkout) owes the client a payment link; one recorded
 * already cancelled by us while Calendly holds its event is undone on Calendly, and when the
 * time itself was refused the client is told why, with a way to pick another.
 */
export function owedOnInsert({
  state,
  rescheduled,
  onCalendly,
  cancelledBy,
  cause = null,
}: {
  state: BookingState;
  rescheduled: boolean;
  onCalendly: boolean;
  cancelledBy: Canceller | null;
  /** Why a booking recorded already cancelled was cancelled. */
  cause?: CancellationCause | null;
}): OwedEffect[] {
  if (state.status === "CONFIRMED")
    return rescheduled ? ["EMAIL_RESCHEDULE", "EMAIL_BUILDER_RESCHEDULE", ...REMINDERS] : [...OWED_ON_CONFIRM];
  if (state.status === "PENDING" && isAwaitingPayment(state.paymentStatus) && onCalendly) return ["EMAIL_PAYMENT_LINK"];
  if (state.status === "CANCELLED" && onCalendly && cancelledBy && !isCalendlySide(cancelledBy))
    return cause === "not-bookable" ? ["CALENDLY_CANCEL", "EMAIL_TIME_REFUSED"] : ["CALENDLY_CANCEL"];
  return [];
}

export const OWED_ON_CONFIRM: OwedEffect[] = ["EMAIL_CONFIRMATION", "EMAIL_BUILDER_NEW_BOOKING", ...REMINDERS];
export const OWED_ON_PAY: OwedEffect[] = [
  "EMAIL_CONFIRMATION",
  "EMAIL_PAYMENT_RECEIPT",
  "EMAIL_BUILDER_NEW_BOOKING",
  "EMAIL_BUILDER_PAYMENT_RECEIVED",
  ...REMINDERS,
];
export const OWED_ON_REFUND_LATE_PAYMENT: OwedEffect[] = ["STRIPE_REFUND"];
export const OWED_ON_REFUND: OwedEffect[] = ["EMAIL_REFUND_NOTICE"];

/**
 * A cancellation. Client and builder hear of it only if they were told it was confirmed (and
 * not when it is the old half of a reschedule: the new half announces the move); a client
 * whose payment window ran out is told, with a way to book again, and one whose Calendly time
 * was refused is told why; a refund due is made; the Calendly event is
 * cancelled unless Calendly cancelled it; an unpaid hold's open Checkout Session is closed so
 * it can no longer be paid, unless it is closing anyway (the hold expired with it).
 */
export function owedOnCancel({
  before,
  cause,
  by,
  refunding,
  onCalendly,
  checkoutOpened,
}: {
  before: BookingState;
  cause: CancellationCause;
  by: Canceller;
  refunding: boolean;
  onCalendly: boolean;
  checkoutOpened: boolean;
}): OwedEffect[] {
  const owed: OwedEffect[] = [];
  if (before.status === "CONFIRMED" && cause !== "rescheduled") owed.push("EMAIL_CANCELLATION", "EMAIL_BUILDER_CANCELLATION");
  // A free hold that expires was never finished on Calendly: no payment window to speak of.
  if (cause === "hold-expired" && isAwaitingPayment(before.paymentStatus)) owed.push("EMAIL_HOLD_EXPIRED");
  // Calendly reported a time our rules refuse: the client is told why and where to pick another.
  if (cause === "not-bookable") owed.push("EMAIL_TIME_REFUSED");
  if (refunding) owed.push("STRIPE_REFUND");
  if (onCalendly && !isCalendlySide(by)) owed.push("CALENDLY_CANCEL");
  if (isAwaitingPayment(before.paymentStatus) && checkoutOpened && cause !== "hold-expired") owed.push("STRIPE_EXPIRE_CHECKOUT");
  return owed;
}
