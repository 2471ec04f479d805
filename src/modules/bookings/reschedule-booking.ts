import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { successorState } from "@/core/booking/booking-cancellation";
import { BOOKING_HORIZON_MESSAGE, isWithinBookingHorizon } from "@/core/booking/booking-horizon";
import {
  rescheduleRefusal,
  SAME_TIME_MESSAGE,
  TIME_TAKEN_MESSAGE,
  type ReschedulableBooking,
  type Rescheduler,
} from "@/core/booking/booking-reschedule";
import { AppError, isAppError, notFound } from "@/core/errors";
import { isBookableSlot } from "@/core/slots/compute-slots";
import type { SlotQuery } from "@/core/slots/types";
import type { Actor } from "@/modules/shared/actor";
import type { BookingConfig } from "@/modules/shared/booking-config";
import { isExclusionViolation } from "@/modules/shared/db-errors";
import type { Db } from "@/modules/shared/tx";
import { loadSlotContext, type SlotContext } from "@/modules/slots/load-slot-context";
import { relationToBooking, type BookingRelation } from "./booking-access";
import { bookingAccessSelect, type BookingView } from "./booking-view";
import { expireHolds } from "./lifecycle/expire-holds";
import { applyCancellation } from "./lifecycle/apply-cancellation";
import { insertBooking } from "./lifecycle/insert-booking";
import { lockBooking } from "./lock-booking";
import { manageTokenFor } from "./manage-token";

export type RescheduleBookingOptions = {
  db: Db;
  config: Pick<BookingConfig, "refundPolicy" | "manageTokenSecret">;
  /** Hands the committed outbox rows to the job queue, after commit. */
  dispatchOutbox: () => void;
  bookingId: string;
  newStartTime: Date;
  actor: Actor;
  now: Date;
};

export type RescheduledBooking = {
  /** The new booking: the old one is cancelled as "rescheduled" and links to it. */
  booking: BookingView;
  /** The new booking's manage token, only for someone who acted with the old one's. */
  manageToken: string | null;
};

const reschedulerFor: Record<Exclude<BookingRelation, null>, Rescheduler> = {
  admin: "ADMIN",
  client: "CLIENT",
  token: "CLIENT",
  builder: "BUILDER",
};

const DAY_MS = 86_400_000;
const NO_LONGER_OFFERED = "This session is no longer offered, so this booking can't be moved";

const rescheduleSelect = {
  ...bookingAccessSelect,
  id: true,
  status: true,
  paymentStatus: true,
  priceCents: true,
  currency: true,
  startTime: true,
  endTime: true,
  sessionTypeId: true,
  builderId: true,
  clientName: true,
  clientEmail: true,
  clientTimeZone: true,
  sessionType: { select: { calendlyEventTypeUri: true } },
} satisfies Prisma.BookingSelect;

/**
 * Moves a built-in-engine booking to another offered time of its session type, from our app
 * (client, builder, admin or manage-token holder), as Calendly's reschedules do: one
 * transaction cancels the old booking (cause "rescheduled": no refund, no cancellation email)
 * and inserts its successor, confirmed, carrying the payment over, announced as a reschedule
 * with its reminders. Who may and until when is core's rule; the new time passes the same slot
 * rules as booking (its own time does not block it), checked before the transaction; the
 * exclusion constraint at the insert stays the guarantee against double booking.
 */
export async function rescheduleBooking(options: RescheduleBookingOptions): Promise<RescheduledBooking> {
  const { db, config, bookingId, newStartTime, actor, now } = options;
  if (!isWithinBookingHorizon(newStartTime, now)) throw new AppError("VALIDATION", BOOKING_HORIZON_MESSAGE);
  const current = await db.booking.findUnique({ where: { id: bookingId }, select: rescheduleSelect });
  const relation = current ? relationToBooking(current, actor) : null;
  if (!current || !relation) throw notFound("Booking");
  const by = reschedulerFor[relation];
  const onCalendly = current.sessionType.calendlyEventTypeUri !== null;
  refuseUnlessReschedulable({ ...current, onCalendly }, by, config, now);
  if (newStartTime.getTime() === current.startTime.getTime()) throw new AppError("UNPROCESSABLE", SAME_TIME_MESSAGE);

  const context = await slotContextFor(db, current.sessionTypeId, newStartTime, now);
  checkNewTime(context, current, newStartTime);

  const endTime = new Date(newStartTime.getTime() + context.sessionType.durationMinutes * 60_000);
  const id = randomUUID();
  const manage = manageTokenFor(id, config.manageTokenSecret);
  const history = { type: by, id: actor.userId, cause: "rescheduled in the app" } as const;
  const booking = await db.$transaction(async (tx) => {
    // Decided again under the row lock: a cancellation or refund may have landed since the read.
    const locked = await lockBooking(tx, bookingId);
    if (!locked) throw notFound("Booking");
    refuseUnlessReschedulable({ ...locked, onCalendly }, by, config, now);
    if (context.staleHolds.some((hold) => hold.start < endTime && newStartTime < hold.end)) {
      await expireHolds(tx, { now, builderId: current.builderId, overlapping: { start: newStartTime, end: endTime } });
    }
    const cancelled = await applyCancellation(tx, {
      bookingId,
      now,
      by,
      cause: "rescheduled",
      refundPolicy: config.refundPolicy,
      actor: history,
    });
    if (cancelled.outcome === "not-applied") throw new AppError("INVALID_STATE", cancelled.refusal);
    const state = successorState({ status: locked.status, paymentStatus: locked.paymentStatus, cancellationReason: null });
    const carriesPayment = state.paymentStatus === "PAID";
    try {
      return await insertBooking(tx, {
        state,
        rescheduled: true,
        actor: history,
        data: {
          id,
          sessionTypeId: current.sessionTypeId,
          builderId: current.builderId,
          clientId: current.clientId,
          clientName: current.clientName,
          clientEmail: current.clientEmail,
          clientTimeZone: current.clientTimeZone,
          startTime: newStartTime,
          endTime,
          priceCents: current.priceCents,
          currency: current.currency,
          amountPaidCents: carriesPayment ? locked.amountPaidCents : null,
          stripePaymentIntentId: carriesPayment ? locked.stripePaymentIntentId : null,
          holdExpiresAt: null,
          manageTokenHash: manage.hash,
          rescheduledFromId: bookingId,
        },
      });
    } catch (error) {
      // The violation aborted the transaction: the old booking's cancellation rolls back with it.
      if (isExclusionViolation(error)) throw new AppError("SLOT_UNAVAILABLE", TIME_TAKEN_MESSAGE, { cause: error });
      throw error;
    }
  });
  options.dispatchOutbox();
  return { booking, manageToken: relation === "token" ? manage.token : null };
}

function refuseUnlessReschedulable(
  booking: ReschedulableBooking,
  by: Rescheduler,
  config: Pick<BookingConfig, "refundPolicy">,
  now: Date,
): void {
  const refusal = rescheduleRefusal(booking, { by, now, policy: config.refundPolicy });
  if (refusal) throw new AppError("INVALID_STATE", refusal.message);
}

async function slotContextFor(db: Db, sessionTypeId: string, start: Date, now: Date): Promise<SlotContext> {
  try {
    return await loadSlotContext(db, {
      sessionTypeId,
      now,
      from: new Date(start.getTime() - DAY_MS),
      to: new Date(start.getTime() + DAY_MS),
    });
  } catch (error) {
    // Archived, or its builder unpublished since the booking: there are no times to move to.
    if (isAppError(error) && error.code === "NOT_FOUND") throw new AppError("INVALID_STATE", NO_LONGER_OFFERED);
    throw error;
  }
}

/**
 * The new time is one the session type offers (hours, notice, window, buffers), with the
 * booking's own time not counting as busy: it is freed in the same transaction.
 */
function checkNewTime({ query }: SlotContext, own: { startTime: Date; endTime: Date }, start: Date): void {
  const { from: _from, to: _to, ...rules }: SlotQuery = query;
  if (!isBookableSlot({ ...rules, busy: [] }, start)) throw new AppError("UNPROCESSABLE", "That time is not offered for this session type");
  const ownIndex = rules.busy.findIndex((b) => b.start.getTime() === own.startTime.getTime() && b.end.getTime() === own.endTime.getTime());
  const busy = rules.busy.filter((_, i) => i !== ownIndex);
  if (!isBookableSlot({ ...rules, busy }, start)) throw new AppError("SLOT_UNAVAILABLE", TIME_TAKEN_MESSAGE);
}
