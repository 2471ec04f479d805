import type { Tx } from "@/server/db/client";
import { AppError } from "@/core/errors";
import { initialStatusFor } from "@/core/booking/booking-status";
import { holdExpiry } from "@/core/booking/hold";
import { isBookableSlot } from "@/core/slots/compute-slots";
import { randomUUID } from "node:crypto";
import { isExclusionViolation } from "@/modules/shared/db-errors";
import { enqueueOutbox } from "@/modules/outbox/enqueue-outbox";
import { loadSlotContext } from "@/modules/slots/load-slot-context";
import { expireHolds } from "./expire-holds";
import { bookingViewSelect, type BookingView } from "./booking-view";
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
 * Books a slot. Free sessions are confirmed at once; paid ones are a PENDING hold until
 * paid or expired. Sessions scheduled through Calendly stay PENDING until Calendly's
 * invitee.created arrives. The exclusion constraint "Booking_no_overlap" is the
 * guarantee against double booking; the slot check before it only gives clearer errors.
 * Run inside a transaction: a violation aborts it, so nothing partial is written.
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

  const viaCalendly = sessionType.calendlySchedulingUrl !== null;
  const initial = initialStatusFor(sessionType.priceCents);
  const status = viaCalendly ? "PENDING" : initial.status;
  const bookingId = randomUUID();
  const manage = manageTokenFor(bookingId, input.manageTokenSecret);

  try {
    const booking = await tx.booking.create({
      data: {
        id: bookingId,
        sessionTypeId: sessionType.id,
        builderId: sessionType.builderId,
        clientId: input.clientId,
        clientName: input.clientName,
        clientEmail: input.clientEmail.toLowerCase(),
        startTime: input.startTime,
        endTime: new Date(input.startTime.getTime() + sessionType.durationMinutes * 60_000),
        status,
        paymentStatus: initial.paymentStatus,
        priceCents: sessionType.priceCents,
        currency: sessionType.currency,
        holdExpiresAt: status === "PENDING" ? holdExpiry(input.now, input.holdMinutes) : null,
        manageTokenHash: manage.hash,
      },
      select: bookingViewSelect,
    });
    if (booking.status === "CONFIRMED") await enqueueOutbox(tx, booking.id, ["EMAIL_CONFIRMATION"]);
    return { booking, manageToken: manage.token, calendlySchedulingUrl: sessionType.calendlySchedulingUrl };
  } catch (error) {
    if (isExclusionViolation(error)) throw new AppError("SLOT_UNAVAILABLE", SLOT_UNAVAILABLE_MESSAGE, { cause: error });
    throw error;
  }
}
