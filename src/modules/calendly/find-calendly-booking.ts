import type { Tx } from "@/modules/shared/tx";
import { lockBooking } from "@/modules/bookings/lock-booking";
import { liveBookingWhere } from "@/modules/shared/booking-where";
import type { InviteePayload } from "./invitee-payload";

/**
 * The booking an invitee belongs to: already linked by invitee URI, or started in our app
 * and carried through the scheduling link as utm_content (our booking id). Locked.
 */
export async function findCalendlyBooking(tx: Tx, invitee: InviteePayload) {
  const linked = await tx.booking.findUnique({ where: { calendlyInviteeUri: invitee.uri }, select: { id: true } });
  if (linked) return lockBooking(tx, linked.id);
  const reference = invitee.tracking?.utm_content;
  if (!reference) return null;
  const started = await lockBooking(tx, reference);
  // An app booking already linked to another invitee is not this one's.
  return started && started.calendlyInviteeUri === null ? started : null;
}

/** What deciding whether a Calendly time may be kept needs of a session type and its builder. */
export const bookableSelect = {
  active: true,
  builder: { select: { calendlyUserUri: true, minimumNoticeMinutes: true, bookingWindowDays: true, timeZone: true } },
} as const;

export function mappedSessionType(tx: Tx, eventTypeUri: string) {
  return tx.sessionType.findUnique({
    where: { calendlyEventTypeUri: eventTypeUri },
    select: { id: true, builderId: true, priceCents: true, currency: true, durationMinutes: true, ...bookableSelect },
  });
}

/** True when another live booking of the builder overlaps: the insert would violate Booking_no_overlap. */
export async function overlapsLiveBooking(tx: Tx, builderId: string, start: Date, end: Date, exceptId: string | null, now: Date) {
  const clash = await tx.booking.findFirst({
    where: {
      builderId,
      ...(exceptId ? { id: { not: exceptId } } : {}),
      startTime: { lt: end },
      endTime: { gt: start },
      ...liveBookingWhere(now),
    },
    select: { id: true },
  });
  return clash !== null;
}
