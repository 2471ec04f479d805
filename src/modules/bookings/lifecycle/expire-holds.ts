import { cancellationReason } from "@/core/booking/booking-cancellation";
import { owedOnCancel } from "@/core/booking/booking-effects";
import { changesOf } from "@/core/booking/booking-lifecycle";
import { enqueueOutbox } from "@/modules/outbox/enqueue-outbox";
import { expiredHoldWhere } from "@/modules/shared/booking-where";
import type { Tx } from "@/modules/shared/tx";
import { actorColumns, SYSTEM_ACTOR, type TransitionActor } from "./transition-actor";

/**
 * The cancellation writer's form for many rows: cancels every unpaid hold whose time is up
 * ("expireHold"), in one conditional UPDATE. Called by the sweep and, for one builder, at the
 * start of every booking transaction so a stale hold never blocks a slot (a new booking passes
 * `overlapping`, its own time: only a hold there can make the exclusion constraint refuse it).
 * An unconfirmed booking owes no email and its Checkout Session expires with it; a hold already
 * scheduled on Calendly is cancelled there. A payment that lands later is refunded, never used
 * to revive it. Every expiry gets its history row, all in one more statement (none when nothing expired).
 */
export async function expireHolds(
  tx: Tx,
  {
    now,
    builderId,
    overlapping,
    actor = SYSTEM_ACTOR,
  }: { now: Date; builderId?: string; overlapping?: { start: Date; end: Date }; actor?: TransitionActor },
): Promise<number> {
  const expired = await tx.booking.updateManyAndReturn({
    where: {
      ...expiredHoldWhere(now),
      ...(builderId ? { builderId } : {}),
      ...(overlapping ? { startTime: { lt: overlapping.end }, endTime: { gt: overlapping.start } } : {}),
    },
    data: {
      ...changesOf("expireHold"),
      cancelledAt: now,
      cancelledBy: "SYSTEM",
      cancellationReason: cancellationReason("hold-expired", null),
    },
    select: { id: true, paymentStatus: true, calendlyEventUri: true, stripeCheckoutSessionId: true },
  });
  if (expired.length) {
    const who = actorColumns(actor);
    await tx.bookingTransition.createMany({
      data: expired.map((row) => ({
        bookingId: row.id,
        transition: "expireHold",
        fromStatus: "PENDING" as const,
        toStatus: "CANCELLED" as const,
        fromPayment: row.paymentStatus,
        toPayment: row.paymentStatus,
        ...who,
      })),
    });
  }
  for (const row of expired) {
    const owed = owedOnCancel({
      // Only PENDING holds match expiredHoldWhere; the payment status is unchanged by the update.
      before: { status: "PENDING", paymentStatus: row.paymentStatus },
      cause: "hold-expired",
      by: "SYSTEM",
      refunding: false,
      onCalendly: row.calendlyEventUri !== null,
      checkoutOpened: row.stripeCheckoutSessionId !== null,
    });
    await enqueueOutbox(tx, row.id, owed);
  }
  return expired.length;
}
