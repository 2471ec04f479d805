import { randomUUID } from "node:crypto";
import { AppError } from "@/core/errors";
import { initialStatusFor } from "@/core/booking/booking-lifecycle";
import { holdExpiry } from "@/core/booking/hold";
import { isBookableSlot } from "@/core/slots/compute-slots";
import type { SlotQuery } from "@/core/slots/types";
import { isExclusionViolation } from "@/modules/shared/db-errors";
import type { Tx } from "@/modules/shared/tx";
import type { SlotContext } from "@/modules/slots/load-slot-context";
import type { BookingView } from "./booking-view";
import { expireHolds } from "./lifecycle/expire-holds";
import { insertBooking } from "./lifecycle/insert-booking";
import { manageTokenFor } from "./manage-token";

export type CreateBookingInput = {
  /** Read before the transaction (book-session.ts), and checked there by checkBookingSlot. */
  sessionType: SlotContext["sessionType"];
  staleHolds: SlotContext["staleHolds"];
  builder: BookingView["builder"];
  startTime: Date;
  clientId: string | null;
  clientName: string;
  clientEmail: string;
  /** The client's IANA zone, when known: their emails show times in it. */
  clientTimeZone?: string | null;
  now: Date;
  holdMinutes: number;
  manageTokenSecret: string;
};

export type CreatedBooking = {
  booking: BookingView;
  manageToken: string;
  /** Set when the booking still waits for the client to schedule it on Calendly. */
  calendlySchedulingUrl: string | null;
};

export const SLOT_UNAVAILABLE_MESSAGE = "Slot no longer available";

/**
 * Whether the slot can be booked, decided before any transaction on what is committed, so a
 * request for a slot already taken gets its 409 without a transaction or a lock. It only gives
 * clearer errors sooner: the exclusion constraint at the insert stays the guarantee.
 */
export function checkBookingSlot(
  { sessionType, query }: SlotContext,
  input: { startTime: Date; clientId: string | null; offeredByCalendly: boolean | undefined },
): void {
  if (sessionType.priceCents > 0 && !input.clientId) {
    throw new AppError("UNAUTHORIZED", "Sign in to book a paid session");
  }
  const { from: _from, to: _to, ...rules }: SlotQuery = query;
  const offered = sessionType.calendlyEventTypeUri
    ? input.offeredByCalendly === true
    : isBookableSlot({ ...rules, busy: [] }, input.startTime);
  if (!offered) throw new AppError("UNPROCESSABLE", "That time is not offered for this session type");
  if (!sessionType.calendlyEventTypeUri && !isBookableSlot(rules, input.startTime)) {
    throw new AppError("SLOT_UNAVAILABLE", SLOT_UNAVAILABLE_MESSAGE);
  }
}

/**
 * The transaction of booking a slot (book-session.ts runs it, after checkBookingSlot). Free
 * sessions are confirmed at once; paid ones are a PENDING hold until paid or expired. Sessions
 * scheduled through Calendly stay PENDING until Calendly's invitee.created arrives. The
 * exclusion constraint "Booking_no_overlap" is the guarantee against double booking: first the
 * expired holds on this very time are cancelled when the read before saw one (only they could
 * make it refuse a free slot; a hold live then is live at the same `now`, and one inserted
 * since has not expired: at worst a spurious 409, never a double booking), then the insert. A violation aborts the transaction, so nothing partial is written.
 */
export async function createBooking(tx: Tx, input: CreateBookingInput): Promise<CreatedBooking> {
  const { sessionType } = input;
  const endTime = new Date(input.startTime.getTime() + sessionType.durationMinutes * 60_000);
  if (input.staleHolds.some((hold) => hold.start < endTime && input.startTime < hold.end)) {
    await expireHolds(tx, { now: input.now, builderId: sessionType.builderId, overlapping: { start: input.startTime, end: endTime } });
  }

  const bookingId = randomUUID();
  const manage = manageTokenFor(bookingId, input.manageTokenSecret);
  try {
    const booking = await insertBooking(tx, {
      state: initialStatusFor(sessionType.priceCents, { viaCalendly: sessionType.calendlySchedulingUrl !== null }),
      data: {
        id: bookingId,
        sessionTypeId: sessionType.id,
        builderId: sessionType.builderId,
        clientId: input.clientId,
        clientName: input.clientName,
        clientEmail: input.clientEmail.toLowerCase(),
        clientTimeZone: input.clientTimeZone ?? null,
        startTime: input.startTime,
        endTime,
        priceCents: sessionType.priceCents,
        currency: sessionType.currency,
        holdExpiresAt: holdExpiry(input.now, input.holdMinutes),
        manageTokenHash: manage.hash,
      },
      related: {
        sessionType: { id: sessionType.id, title: sessionType.title, durationMinutes: sessionType.durationMinutes },
        builder: input.builder,
      },
      actor: { type: "CLIENT", id: input.clientId },
    });
    return { booking, manageToken: manage.token, calendlySchedulingUrl: sessionType.calendlySchedulingUrl };
  } catch (error) {
    if (isExclusionViolation(error)) throw new AppError("SLOT_UNAVAILABLE", SLOT_UNAVAILABLE_MESSAGE, { cause: error });
    throw error;
  }
}
