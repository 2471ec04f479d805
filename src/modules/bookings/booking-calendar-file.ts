import { buildBookingInvite, type InviteMethod, type InvitePerson } from "@/core/calendar/booking-invite";
import { AppError, notFound } from "@/core/errors";
import { loadRescheduleChain } from "@/modules/outbox-delivery/outbox-booking";
import type { Actor } from "@/modules/shared/actor";
import type { Tx } from "@/modules/shared/tx";
import { relationToBooking, type BookingRelation } from "./booking-access";
import { bookingAccessSelect } from "./booking-view";
import { manageTokenFor } from "./manage-token";

export type BookingCalendarFileOptions = {
  bookingId: string;
  actor: Actor;
  /** The app's public address: the UID's host and the manage link's origin, as in the emails. */
  appUrl: string;
  manageTokenSecret: string;
  /** The address booking emails come from, the organizer of the emailed invites. */
  organizer: InvitePerson;
};

export type BookingCalendarFile = { ics: string; uid: string; sequence: number; method: InviteMethod };

const calendarSelect = {
  ...bookingAccessSelect,
  id: true,
  status: true,
  rescheduledFromId: true,
  startTime: true,
  endTime: true,
  clientName: true,
  clientEmail: true,
  sessionType: { select: { title: true } },
  builder: { select: { ...bookingAccessSelect.builder.select, displayName: true } },
} as const;

/**
 * The client's side gets the link their emails carry (the manage token works without an
 * account); the builder and admins get the plain page, where they sign in, so a builder's
 * calendar never holds a link that acts as the client.
 */
function manageUrlFor(relation: Exclude<BookingRelation, null>, bookingId: string, options: BookingCalendarFileOptions): string {
  const page = `${options.appUrl}/bookings/${encodeURIComponent(bookingId)}`;
  if (relation !== "client" && relation !== "token") return page;
  return `${page}?token=${manageTokenFor(bookingId, options.manageTokenSecret).token}`;
}

/**
 * The booking as a calendar file to download from its page: the same event as the emailed
 * invites (one UID per reschedule chain, the chain's SEQUENCE), so importing it after an email
 * updates that entry rather than adding a second one. A cancelled booking's file is the CANCEL.
 * Whoever may not see the booking gets "not found", as on the booking page.
 */
export async function bookingCalendarFile(tx: Tx, options: BookingCalendarFileOptions): Promise<BookingCalendarFile> {
  const row = await tx.booking.findUnique({ where: { id: options.bookingId }, select: calendarSelect });
  const relation = row ? relationToBooking(row, options.actor) : null;
  if (!row || !relation) throw notFound("Booking");
  if (row.status === "PENDING") {
    throw new AppError("INVALID_STATE", "This booking is not confirmed yet, so there is nothing to add to a calendar.");
  }
  const method: InviteMethod = row.status === "CANCELLED" ? "CANCEL" : "REQUEST";
  const invite = buildBookingInvite({
    ...(await loadRescheduleChain(tx, row)),
    method,
    start: row.startTime,
    end: row.endTime,
    sessionTitle: row.sessionType.title,
    builderName: row.builder.displayName,
    manageUrl: manageUrlFor(relation, row.id, options),
    organizer: options.organizer,
    attendee: { name: row.clientName, email: row.clientEmail },
    appUrl: options.appUrl,
  });
  if (!invite.ok) throw invite.error;
  return { ics: invite.ics, uid: invite.uid, sequence: invite.sequence, method };
}
