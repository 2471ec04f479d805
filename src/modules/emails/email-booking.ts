import { instantText, readerZone, sessionTimeText } from "@/core/calendar/session-time-text";
import type { RefundPolicy } from "@/core/booking/refund-policy";
import { cancellationOutcome, type CancellationOutcome } from "@/core/booking/refund-policy-text";
import { formatMoney } from "@/core/money/money";

/** What booking emails say about a booking: read from it when the email is delivered. */
export type EmailBooking = {
  id: string;
  clientName: string;
  clientEmail: string;
  /** The client's zone when they booked; their emails fall back to the builder's without it. */
  clientTimeZone?: string | null;
  startTime: Date;
  endTime: Date;
  priceCents: number;
  currency: string;
  amountPaidCents: number | null;
  refundedCents: number | null;
  cancellationReason: string | null;
  /** Who cancelled (the CancelledBy enum), for cancellation emails. */
  cancelledBy?: string | null;
  /** An unpaid hold's payment deadline, for the payment link. */
  holdExpiresAt?: Date | null;
  /** The time a rescheduled booking moved from. */
  previous?: { startTime: Date; endTime: Date } | null;
  sessionTitle: string;
  builderName: string;
  /** Where the builder's emails go (their account's address). */
  builderEmail?: string;
  builderTimeZone: string;
};

/** What emails link to and promise, beyond the booking itself. */
export type EmailContext = {
  /** The booking page as the client opens it (with the manage token). */
  manageUrl: string;
  /** The booking page as the builder opens it (signed in). */
  builderBookingUrl: string;
  /** Where a client whose hold expired can book again (the builder's profile). */
  rebookUrl: string;
  refundPolicy: RefundPolicy;
  /** When the email is rendered: a refund deadline already past is not offered. */
  now: Date;
};

export type Reader = "client" | "builder";

export function zoneFor(booking: EmailBooking, reader: Reader): string {
  return reader === "client" ? readerZone(booking.clientTimeZone, booking.builderTimeZone) : booking.builderTimeZone;
}

/** "When: Tuesday 3 March 2026, 11:00–12:00 (Central European Time, Berlin)" in the reader's zone. */
export function whenLine(booking: EmailBooking, reader: Reader): string {
  return `When: ${sessionTimeText(booking.startTime, booking.endTime, zoneFor(booking, reader))}`;
}

export function previousLine(booking: EmailBooking, reader: Reader): string[] {
  if (!booking.previous) return [];
  return [`Previously: ${sessionTimeText(booking.previous.startTime, booking.previous.endTime, zoneFor(booking, reader))}`];
}

export function instantFor(booking: EmailBooking, reader: Reader, instant: Date): string {
  return instantText(instant, zoneFor(booking, reader));
}

export function priceText(booking: EmailBooking): string {
  return formatMoney({ amountCents: booking.priceCents, currency: booking.currency });
}

export function money(booking: EmailBooking, amountCents: number): string {
  return formatMoney({ amountCents, currency: booking.currency });
}

/** What the cancellation did to the money: what was paid against what is refunded. */
export function refundOutcome(booking: EmailBooking): CancellationOutcome {
  return cancellationOutcome({
    paidCents: booking.amountPaidCents ?? 0,
    refundCents: booking.refundedCents ?? 0,
    currency: booking.currency,
  });
}

// The system's cancellation codes (booking-cancellation.ts) in words; anything else is what the
// person who cancelled wrote.
const REASONS: Record<string, string> = {
  PAYMENT_EXPIRED: "the payment was not completed in time",
  RESCHEDULED: "it was moved to a new time",
  SLOT_TAKEN: "the time was no longer available",
};

/** "Reason: ..." or nothing when none was given. */
export function reasonLines(booking: EmailBooking): string[] {
  const reason = booking.cancellationReason?.trim();
  if (!reason) return [];
  return [`Reason: ${REASONS[reason] ?? reason}`];
}

/** "Cancelled by: you" / "... the client (Zoë)" and so on, from the reader's side. */
export function cancelledByLine(booking: EmailBooking, reader: Reader): string[] {
  const by = booking.cancelledBy;
  if (!by) return [];
  const client = reader === "client" ? "you" : booking.clientName;
  const builder = reader === "builder" ? "you" : booking.builderName;
  const who: Record<string, string> = {
    CLIENT: client,
    CALENDLY_INVITEE: `${client}, on Calendly`,
    BUILDER: builder,
    CALENDLY_HOST: `${builder}, on Calendly`,
    ADMIN: "the marketplace team",
    SYSTEM: "the marketplace",
  };
  return [`Cancelled by: ${who[by] ?? "the marketplace"}`];
}
