import type { Prisma } from "@/generated/prisma/client";
import { AppError, notFound } from "@/core/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import type { TransitionActor } from "@/modules/bookings/lifecycle/transition-actor";
import type { Db, Tx } from "@/modules/shared/tx";
import { lockBookingSnapshot, readBookingSnapshot, snapshotJson, type BookingSnapshot } from "./booking-snapshot";

/** What every operator action on a booking takes. */
export type BookingActionOptions = {
  db: Db;
  actorId: string;
  bookingId: string;
  reason: string;
  now: Date;
  /** Hands the committed outbox rows to the job queue, after commit. */
  dispatchOutbox: () => void;
};

export type BookingActionResult = { auditId: string; before: BookingSnapshot; after: BookingSnapshot };

/**
 * The frame of an operator action on a booking, in one transaction: lock and read the booking,
 * let `apply` change it through a lifecycle writer (it throws an AppError to refuse, and then
 * nothing is written), read it again and write the one audit row. The outbox rows the change
 * owes are handed to the queue after commit, so they leave within seconds.
 */
export async function runBookingAction(
  options: BookingActionOptions,
  action: string,
  apply: (tx: Tx, ctx: { before: BookingSnapshot; actor: TransitionActor }) => Promise<Prisma.InputJsonObject | void>,
): Promise<BookingActionResult> {
  const { db, actorId, bookingId, reason } = options;
  const result = await db.$transaction(async (tx) => {
    const before = await lockBookingSnapshot(tx, bookingId);
    if (!before) throw notFound("Booking");
    const actor: TransitionActor = { type: "ADMIN", id: actorId, cause: reason };
    const details = (await apply(tx, { before, actor })) ?? {};
    const after = await readBookingSnapshot(tx, bookingId);
    if (!after) throw new AppError("CONFLICT", "The booking disappeared meanwhile");
    const audit = await recordAudit(tx, {
      actorId,
      action,
      target: { type: "Booking", id: bookingId },
      reason,
      before: snapshotJson(before),
      after: { ...snapshotJson(after), ...details },
    });
    return { auditId: audit.id, before, after };
  });
  options.dispatchOutbox();
  return result;
}

/** A refusal: the booking is not in a state the action applies to. */
export const refuse = (message: string) => new AppError("INVALID_STATE", message);
