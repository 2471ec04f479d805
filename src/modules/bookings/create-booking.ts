import { randomUUID } from "node:crypto";
import { AppError } from "@/core/errors";
import { initialStatusFor } from "@/core/booking/booking-lifecycle";
import { holdExpiry } from "@/core/booking/hold";
import { isBookableSlot } from "@/core/slots/compute-slots";
import { isExclusionViolation } from "@/modules/shared/db-errors";
import type { Tx } from "@/modules/shared/tx";
import { loadSlotContext } from "@/modules/slots/load-slot-context";
import type { BookingView } from "./booking-view";
import { expireHolds } from "./lifecycle/expire-holds";
import { insertBooking } from "./lifecycle/insert-booking";
import { manageTokenFor } from "./manage-token";

export type CreateBookingInput = {
  sessionTypeId: string;
  startTime: Date;
  clientId: string | null;
  clientName: string;
  clientEmail: string;
  now: Date;
  holdMinutes: number;
  manageTokenSecret: string;
  /** For Calendly-mapped session types: whether Calendly offers this start (asked before the transaction). */
  offeredByCalendly?: boolean | undefined;
};

export type CreatedBooking = {
  booking: BookingView;
  manageToken: string;
  /** Set when the booking still waits for the client to schedule it on Calendly. */
  calendlySchedulingUrl: string | null;
};

export const SLOT_UNAVAILABLE_MESSAGE = "Slot no longer available";
const DAY_MS = 86_400_000;

/**
 * The transaction of booking a slot (book-session.ts runs it). Free sessions are confirmed at
 * once; paid ones are a PENDING hold until paid or expired. Sessions scheduled through Calendly
 * stay PENDING until Calendly's invitee.created arrives. The exclusion constraint
 * "Booking_no_overlap" is the guarantee against double booking; the slot check before it only
 * gives clearer errors. A violation aborts the transaction, so nothing partial is written.
 */
export async function createBooking(tx: Tx, input: CreateBookingInput): Promise<CreatedBooking> {
  const { sessionType, query } = await loadSlotContext(tx, {
    sessionTypeId: input.sessionTypeId,
    now: input.now,
    from: new Date(input.startTime.getTime() - DAY_MS),
    to: new Date(input.startTime.getTime() + DAY_MS),
  });
  if (sessionType.priceCents > 0 && !input.clientId) {
    throw new AppError("UNAUTHORIZED", "Sign in to book a paid session");
  }

  await expireHolds(tx, { now: input.now, builderId: sessionType.builderId });

  const { from: _from, to: _to, ...rules } = query;
  const offered = sessionType.calendlyEventTypeUri
    ? input.offeredByCalendly === true
    : isBookableSlot({ ...rules, busy: [] }, input.startTime);
  if (!offered) throw new AppError("UNPROCESSABLE", "That time is not offered for this session type");
  if (!sessionType.calendlyEventTypeUri && !isBookableSlot(rules, input.startTime)) {
    throw new AppError("SLOT_UNAVAILABLE", SLOT_UNAVAILABLE_MESSAGE);
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
        startTime: input.startTime,
        endTime: new Date(input.startTime.getTime() + sessionType.durationMinutes * 60_000),
        priceCents: sessionType.priceCents,
        currency: sessionType.currency,
        holdExpiresAt: holdExpiry(input.now, input.holdMinutes),
        manageTokenHash: manage.hash,
      },
    });
    return { booking, manageToken: manage.token, calendlySchedulingUrl: sessionType.calendlySchedulingUrl };
  } catch (error) {
    if (isExclusionViolation(error)) throw new AppError("SLOT_UNAVAILABLE", SLOT_UNAVAILABLE_MESSAGE, { cause: error });
    throw error;
  }
}
