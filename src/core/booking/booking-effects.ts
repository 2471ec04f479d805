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
  | "EMAIL_HOLD_EXPIRED";

/** Outbox kinds that are about an account, not a booking (no lifecycle transition owes them). */
export type AccountEffect = "EMAIL_PASSWORD_RESET";

/**
 * A new booking: a confirmed one is announced (as a reschedule for the new half of one); one
 * recorded already cancelled by us while Calendly holds its event is undone on Calendly.
 */
export function owedOnInsert({
  state,
  rescheduled,
  onCalendly,
  cancelledBy,
}: {
  state: BookingState;
  rescheduled: boolean;
  onCalendly: boolean;
  cancelledBy: Canceller | null;
}): OwedEffect[] {
  if (state.status === "CONFIRMED") return [rescheduled ? "EMAIL_RESCHEDULE" : "EMAIL_CONFIRMATION"];
  if (state.status === "CANCELLED" && onCalendly && cancelledBy && !isCalendlySide(cancelledBy)) return ["CALENDLY_CANCEL"];
  return [];
}

export const OWED_ON_CONFIRM: OwedEffect[] = ["EMAIL_CONFIRMATION"];
export const OWED_ON_PAY: OwedEffect[] = ["EMAIL_CONFIRMATION", "EMAIL_PAYMENT_RECEIPT"];
export const OWED_ON_REFUND_LATE_PAYMENT: OwedEffect[] = ["STRIPE_REFUND"];
export const OWED_ON_REFUND: OwedEffect[] = ["EMAIL_REFUND_NOTICE"];

/**
 * A cancellation. The client hears of it only if they were told it was confirmed (and not
 * when it is the old half of a reschedule); a refund due is made; the Calendly event is
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
  if (before.status === "CONFIRMED" && cause !== "rescheduled") owed.push("EMAIL_CANCELLATION");
  if (refunding) owed.push("STRIPE_REFUND");
  if (onCalendly && !isCalendlySide(by)) owed.push("CALENDLY_CANCEL");
  if (isAwaitingPayment(before.paymentStatus) && checkoutOpened && cause !== "hold-expired") owed.push("STRIPE_EXPIRE_CHECKOUT");
  return owed;
}
