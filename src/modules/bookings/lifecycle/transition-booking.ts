import type { Prisma } from "@/generated/prisma/client";
import { changesOf, type TransitionName } from "@/core/booking/booking-lifecycle";
import type { OwedEffect } from "@/core/booking/booking-effects";
import { AppError } from "@/core/errors";
import { enqueueOutbox } from "@/modules/outbox/enqueue-outbox";
import { transitionWhere } from "@/modules/shared/booking-where";
import type { Tx } from "@/modules/shared/tx";
import { recordTransitionIfApplicable } from "./record-transition";
import type { TransitionActor } from "./transition-actor";

/** "not-applied": the booking was not in one of the transition's "from" states (or does not exist); nothing was written. */
export type WriteResult = "applied" | "not-applied";

/**
 * The conditional update behind every lifecycle writer: it applies `name` only while the
 * booking is in one of its "from" states, and the row count decides whether it happened, so
 * of two racing writers exactly one owes the side effects (written in the same transaction).
 * The history row (BookingTransition) comes first: its INSERT reads the "from" state under a
 * row lock, which a racing writer waits on and then finds no longer applicable.
 */
export async function transitionBooking(
  tx: Tx,
  {
    bookingId,
    name,
    data = {},
    owed,
    actor,
  }: {
    bookingId: string;
    name: TransitionName;
    /** Facts recorded with the change; the statuses themselves come from the lifecycle. */
    data?: Omit<Prisma.BookingUpdateManyMutationInput, "status" | "paymentStatus">;
    owed: OwedEffect[];
    /** Who caused it, for the history (default SYSTEM). */
    actor?: TransitionActor | undefined;
  },
): Promise<WriteResult> {
  const historyId = await recordTransitionIfApplicable(tx, { bookingId, name, actor });
  if (!historyId) return "not-applied";
  const { count } = await tx.booking.updateMany({
    where: { id: bookingId, ...transitionWhere(name) },
    data: { ...data, ...changesOf(name) },
  });
  // Cannot happen inside a transaction (the row is locked in an applicable state); outside one,
  // throwing keeps a history row from standing for a change that was not made by this call.
  if (count === 0) {
    await tx.bookingTransition.delete({ where: { id: historyId } });
    throw new AppError("CONFLICT", "The booking changed meanwhile; try again");
  }
  await enqueueOutbox(tx, bookingId, owed);
  return "applied";
}
