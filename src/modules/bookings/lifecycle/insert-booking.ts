import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/core/errors";
import { canInsert, type BookingState } from "@/core/booking/booking-lifecycle";
import { cancellationReason, type CancellationCause, type Canceller } from "@/core/booking/booking-cancellation";
import { owedOnInsert } from "@/core/booking/booking-effects";
import { enqueueOutbox } from "@/modules/outbox/enqueue-outbox";
import type { Tx } from "@/modules/shared/tx";
import { actorColumns, type TransitionActor } from "./transition-actor";
import { bookingViewSelect, type BookingView } from "../booking-view";

export type InsertBookingInput = {
  /** Every column but the lifecycle's own (statuses and cancellation), which come from `state` and `cancellation`. */
  data: Omit<Prisma.BookingUncheckedCreateInput, "status" | "paymentStatus" | "cancelledAt" | "cancelledBy" | "cancellationReason">;
  state: BookingState;
  /** Who and why, for a booking recorded already cancelled (and only then). */
  cancellation?: { by: Canceller; cause: CancellationCause; note?: string | null; at: Date };
  /** The new half of a reschedule: confirmed, it is announced as a reschedule. */
  rescheduled?: boolean;
  /** The view's relations when the caller has read them already: the INSERT then returns the row itself, with no re-select. */
  related?: Pick<BookingView, "sessionType" | "builder">;
  /** Who created it, for the history (default SYSTEM). */
  actor?: TransitionActor;
};

const { sessionType: _sessionType, builder: _builder, ...bookingRowSelect } = bookingViewSelect;

/**
 * Writer of new bookings (our app, Calendly invitees, reschedules' new halves): only in a state
 * the lifecycle lets a booking start in, with the side effects that start owes. A hold keeps
 * its expiry only while PENDING. The exclusion constraint may refuse the row (the caller maps it).
 * The history row ("insert") costs one statement more on the booking path, with no RETURNING.
 */
export async function insertBooking(tx: Tx, input: InsertBookingInput): Promise<BookingView> {
  const { state, cancellation } = input;
  if (!canInsert(state) || (state.status === "CANCELLED") !== (cancellation !== undefined)) {
    throw new AppError("INVALID_STATE", `A booking cannot start as ${state.status} with payment ${state.paymentStatus}`);
  }
  const data = {
    ...input.data,
    status: state.status,
    paymentStatus: state.paymentStatus,
    holdExpiresAt: state.status === "PENDING" ? input.data.holdExpiresAt : null,
    ...(cancellation && {
      cancelledBy: cancellation.by,
      cancelledAt: cancellation.at,
      cancellationReason: cancellationReason(cancellation.cause, cancellation.note ?? null),
    }),
  };
  const booking: BookingView = input.related
    ? { ...(await tx.booking.create({ data, select: bookingRowSelect })), ...input.related }
    : await tx.booking.create({ data, select: bookingViewSelect });
  const owed = owedOnInsert({
    state,
    rescheduled: input.rescheduled ?? false,
    onCalendly: Boolean(input.data.calendlyEventUri),
    cancelledBy: cancellation?.by ?? null,
    cause: cancellation?.cause ?? null,
  });
  await tx.bookingTransition.createMany({
    data: [
      { bookingId: booking.id, transition: "insert", toStatus: state.status, toPayment: state.paymentStatus, ...actorColumns(input.actor) },
    ],
  });
  await enqueueOutbox(tx, booking.id, owed, { startTime: booking.startTime });
  return booking;
}
