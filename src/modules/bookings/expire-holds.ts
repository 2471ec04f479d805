import type { Tx } from "@/server/db/client";
import { Prisma } from "@/generated/prisma/client";
import { enqueueOutbox } from "@/modules/outbox/enqueue-outbox";

export const PAYMENT_EXPIRED = "PAYMENT_EXPIRED";

/**
 * Cancels unpaid holds whose time is up. Called by the sweep job and, for one builder,
 * at the start of every booking transaction so a stale hold never blocks a slot.
 * Unconfirmed bookings owe no email; a hold already scheduled on Calendly is cancelled
 * there too. A payment that lands later is refunded (apply-payment), never used to revive it.
 */
export async function expireHolds(tx: Tx, { now, builderId }: { now: Date; builderId?: string }): Promise<number> {
  const builderFilter = builderId ? Prisma.sql`AND "builderId" = ${builderId}` : Prisma.empty;
  const expired = await tx.$queryRaw<{ id: string; calendlyEventUri: string | null }[]>`
    UPDATE "Booking"
       SET status = 'CANCELLED', "cancellationReason" = ${PAYMENT_EXPIRED}, "cancelledBy" = 'SYSTEM',
           "cancelledAt" = ${now}, "updatedAt" = ${now}
     WHERE status = 'PENDING'
       AND "paymentStatus" IN ('UNPAID', 'FAILED', 'NOT_REQUIRED')
       AND "holdExpiresAt" <= ${now}
       ${builderFilter}
    RETURNING id, "calendlyEventUri"`;
  for (const booking of expired) {
    if (booking.calendlyEventUri) await enqueueOutbox(tx, booking.id, ["CALENDLY_CANCEL"]);
  }
  return expired.length;
}
