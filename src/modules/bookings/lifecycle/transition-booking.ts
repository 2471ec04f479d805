import type { Prisma } from "@/generated/prisma/client";
import { changesOf, type TransitionName } from "@/core/booking/booking-lifecycle";
import type { OwedEffect } from "@/core/booking/booking-effects";
import { enqueueOutbox } from "@/modules/outbox/enqueue-outbox";
import { transitionWhere } from "@/modules/shared/booking-where";
import type { Tx } from "@/modules/shared/tx";

/** "not-applied": the booking was not in one of the transition's "from" states (or does not exist); nothing was written. */
export type WriteResult = "applied" | "not-applied";

/**
 * The conditional update behind every lifecycle writer: it applies `name` only while the
 * booking is in one of its "from" states, and the row count decides whether it happened, so
 * of two racing writers exactly one owes the side effects (written in the same transaction).
 */
export async function transitionBooking(
  tx: Tx,
  {
    bookingId,
    name,
    data = {},
    owed,
  }: {
    bookingId: string;
    name: TransitionName;
    /** Facts recorded with the change; the statuses themselves come from the lifecycle. */
    data?: Omit<Prisma.BookingUpdateManyMutationInput, "status" | "paymentStatus">;
    owed: OwedEffect[];
  },
): Promise<WriteResult> {
  const { count } = await tx.booking.updateMany({
    where: { id: bookingId, ...transitionWhere(name) },
    data: { ...data, ...changesOf(name) },
  });
  if (count === 0) return "not-applied";
  await enqueueOutbox(tx, bookingId, owed);
  return "applied";
}
