import { AppError, notFound } from "@/core/errors";
import type { Actor } from "@/modules/shared/actor";
import type { BookingConfig } from "@/modules/shared/booking-config";
import type { Db } from "@/modules/shared/tx";
import { relationToBooking } from "./booking-access";
import { bookingAccessSelect, bookingViewSelect, type BookingView } from "./booking-view";
import { applyCancellation } from "./lifecycle/apply-cancellation";

export type CancelBookingOptions = {
  db: Db;
  config: Pick<BookingConfig, "refundPolicy">;
  /** Hands the committed outbox rows to the job queue, after commit. */
  dispatchOutbox: () => void;
  bookingId: string;
  actor: Actor;
  reason?: string | undefined;
  now: Date;
};

const cancellerFor = { admin: "ADMIN", client: "CLIENT", token: "CLIENT", builder: "BUILDER" } as const;

/**
 * Cancellation from our own app (client, builder, admin or manage-token holder). Someone
 * without access gets the same answer as for a missing booking; the lifecycle decides the rest.
 */
export async function cancelBooking({
  db,
  config,
  dispatchOutbox,
  bookingId,
  actor,
  reason,
  now,
}: CancelBookingOptions): Promise<BookingView> {
  const booking = await db.$transaction(async (tx) => {
    const access = await tx.booking.findUnique({ where: { id: bookingId }, select: bookingAccessSelect });
    const relation = access ? relationToBooking(access, actor) : null;
    if (!relation) throw notFound("Booking");
    const result = await applyCancellation(tx, {
      bookingId,
      now,
      by: cancellerFor[relation],
      cause: "request",
      note: reason?.trim() || null,
      refundPolicy: config.refundPolicy,
      actor: { type: cancellerFor[relation], id: actor.userId, cause: "cancelled in the app" },
    });
    if (result.outcome === "not-applied") throw new AppError("INVALID_STATE", result.refusal);
    return tx.booking.findUniqueOrThrow({ where: { id: bookingId }, select: bookingViewSelect });
  });
  dispatchOutbox();
  return booking;
}
