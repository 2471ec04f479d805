import { createEvent } from "ics";
import { bookingEventDetails, bookingEventTitle } from "./add-to-calendar-links";

// The iCalendar invite a booking email carries, so the session lands in the client's own
// calendar and later emails update or remove that same entry (RFC 5546 iTIP: a REQUEST adds or
// replaces the event with that UID, a CANCEL removes it; a client applies a message only when
// its SEQUENCE is at least the one it holds).

export type InviteMethod = "REQUEST" | "CANCEL";

export type InvitePerson = { name: string; email: string };

export type BookingInviteInput = {
  /** The first booking of the reschedule chain this booking belongs to (itself if never moved). */
  firstBookingId: string;
  /** How many reschedules led to this booking (0 for one that was never moved). */
  rescheduleDepth: number;
  method: InviteMethod;
  start: Date;
  end: Date;
  sessionTitle: string;
  builderName: string;
  manageUrl: string;
  /** The platform's sending address: clients' replies are not expected (the attendee has accepted). */
  organizer: InvitePerson;
  attendee: InvitePerson;
  /** The app's public address; its host scopes the UID. */
  appUrl: string;
};

export type BookingInvite = { ok: true; ics: string; uid: string; sequence: number } | { ok: false; error: Error };

/**
 * One UID per reschedule chain, not per row: a reschedule creates a new booking, and the client's
 * calendar should move the entry it already has instead of keeping the old time beside the new.
 */
export function inviteUid(firstBookingId: string, appUrl: string): string {
  return `${firstBookingId}@${new URL(appUrl).host}`;
}

/**
 * Derived from the chain, not from a clock, so a retried email carries the same number and
 * every later message of the chain a higher one: the confirmation of the first booking is 0,
 * each reschedule is a booking one step deeper (depth n is sent only after depth n - 1 existed,
 * and the old booking sends no cancellation of its own), and a cancellation is depth + 1,
 * sent last because a cancelled booking never changes again.
 */
export function inviteSequence(rescheduleDepth: number, method: InviteMethod): number {
  return rescheduleDepth + (method === "CANCEL" ? 1 : 0);
}

const utcParts = { startInputType: "utc", startOutputType: "utc", endInputType: "utc", endOutputType: "utc" } as const;

export function buildBookingInvite(input: BookingInviteInput): BookingInvite {
  let uid: string;
  try {
    uid = inviteUid(input.firstBookingId, input.appUrl);
  } catch (error) {
    return { ok: false, error: error as Error };
  }
  const sequence = inviteSequence(input.rescheduleDepth, input.method);
  const { error, value } = createEvent({
    ...utcParts,
    start: input.start.getTime(),
    end: input.end.getTime(),
    productId: "booking-marketplace/invites",
    method: input.method,
    uid,
    sequence,
    status: input.method === "CANCEL" ? "CANCELLED" : "CONFIRMED",
    title: bookingEventTitle(input.sessionTitle, input.builderName),
    description: bookingEventDetails(input.sessionTitle, input.builderName, input.manageUrl),
    url: input.manageUrl,
    busyStatus: "BUSY",
    organizer: input.organizer,
    attendees: [{ ...input.attendee, rsvp: false, partstat: "ACCEPTED", role: "REQ-PARTICIPANT" }],
  });
  if (error || !value) return { ok: false, error: error ?? new Error("ics returned no calendar") };
  return { ok: true, ics: value, uid, sequence };
}
