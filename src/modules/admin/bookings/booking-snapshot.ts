import type { Tx } from "@/modules/shared/tx";

/** The columns an operator action may change, as kept in its audit row's before/after. */
export const bookingSnapshotSelect = {
  status: true,
  paymentStatus: true,
  amountPaidCents: true,
  refundedCents: true,
  cancelledBy: true,
  cancellationReason: true,
  attentionReason: true,
} as const;

export type BookingSnapshot = NonNullable<Awaited<ReturnType<typeof readBookingSnapshot>>>;

export function readBookingSnapshot(tx: Tx, bookingId: string) {
  return tx.booking.findUnique({ where: { id: bookingId }, select: { ...bookingSnapshotSelect, startTime: true, endTime: true } });
}

/**
 * Locks the booking for the rest of the transaction and reads it: the action's "before" is
 * then exactly what its writer changes (a webhook applying meanwhile waits, or went first).
 */
export async function lockBookingSnapshot(tx: Tx, bookingId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Booking" WHERE id = ${bookingId} FOR UPDATE`;
  if (!locked.length) return null;
  return readBookingSnapshot(tx, bookingId);
}

/** The audit row's JSON form of a snapshot (dates as ISO strings). */
export function snapshotJson(snapshot: BookingSnapshot) {
  const { startTime: _start, endTime: _end, ...rest } = snapshot;
  return rest;
}
