import type { BookingStatus, PaymentStatus } from "./booking-lifecycle";
import { refundCutoff } from "./refund-policy-text";
import type { RefundPolicy } from "./refund-policy";

// Moving a booking to another time in our app (the new half of the reschedule is a new booking,
// the old one is cancelled as "rescheduled"). Who may, until when, and the words for a refusal.

/** Who moves it: the client (signed in or holding the manage link), the builder, or an operator. */
export type Rescheduler = "CLIENT" | "BUILDER" | "ADMIN";

export type RescheduleRefusalReason = "calendly" | "not-confirmed" | "payment" | "started" | "cutoff";
export type RescheduleRefusal = { reason: RescheduleRefusalReason; message: string };

export type ReschedulableBooking = {
  status: BookingStatus;
  paymentStatus: PaymentStatus;
  priceCents: number;
  startTime: Date;
  /** Calendly schedules this session type: it is moved on Calendly, which tells us. */
  onCalendly: boolean;
};

function hoursPhrase(hours: number): string {
  return hours === 1 ? "1 hour" : `${hours} hours`;
}

/**
 * Until when the booking can be moved, or null when no cutoff applies. A paid booking follows
 * the refund policy's cutoff: past it a cancellation forfeits the payment, so a move then would
 * be a free cancellation in disguise. A free booking can be cancelled and booked again at any
 * time before it starts, so it can also be moved until then.
 */
export function rescheduleCutoff(booking: Pick<ReschedulableBooking, "priceCents" | "startTime">, policy: RefundPolicy): Date | null {
  return booking.priceCents > 0 ? refundCutoff(booking.startTime, policy) : null;
}

/** Why `by` may not move this booking now, or null when they may. Operators may move a paid booking past the cutoff. */
export function rescheduleRefusal(
  booking: ReschedulableBooking,
  { by, now, policy }: { by: Rescheduler; now: Date; policy: RefundPolicy },
): RescheduleRefusal | null {
  if (booking.onCalendly) return { reason: "calendly", message: "This session is scheduled on Calendly: reschedule it there" };
  if (booking.status !== "CONFIRMED") {
    return {
      reason: "not-confirmed",
      message: booking.status === "CANCELLED" ? "This booking is cancelled, so it can't be moved" : "Only a confirmed booking can be moved",
    };
  }
  // A confirmed booking whose money is on its way back has nothing to carry over to a new time.
  if (booking.paymentStatus !== "PAID" && booking.paymentStatus !== "NOT_REQUIRED") {
    return { reason: "payment", message: "This booking's payment is being refunded, so it can't be moved" };
  }
  if (booking.startTime <= now) return { reason: "started", message: "A session that has started can no longer be moved" };
  const cutoff = rescheduleCutoff(booking, policy);
  if (by !== "ADMIN" && cutoff && now > cutoff) {
    return {
      reason: "cutoff",
      message:
        policy.fullRefundHoursBefore > 0
          ? `Bookings can be moved until ${hoursPhrase(policy.fullRefundHoursBefore)} before the start, so this one can no longer be moved`
          : "Bookings can be moved until the start, so this one can no longer be moved",
    };
  }
  return null;
}

export const SAME_TIME_MESSAGE = "Pick a time other than the current one";
export const TIME_TAKEN_MESSAGE = "That time was just taken";

/**
 * What the review step says about money before the click: the payment carries over; and when
 * the new time is already past the policy's cutoff, that cancelling it would not be refunded.
 */
export function rescheduleMoneyNotes(
  booking: Pick<ReschedulableBooking, "priceCents" | "paymentStatus">,
  newStart: Date,
  { now, policy }: { now: Date; policy: RefundPolicy },
): string[] {
  if (booking.priceCents <= 0 || booking.paymentStatus !== "PAID") return [];
  const notes = ["Your payment carries over: nothing more to pay, nothing refunded."];
  if (now > refundCutoff(newStart, policy)) {
    notes.push(`The new time is less than ${hoursPhrase(policy.fullRefundHoursBefore)} away: cancelling it would not be refundable.`);
  }
  return notes;
}
