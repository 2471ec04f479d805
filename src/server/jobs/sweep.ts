import type { PrismaClient } from "@/generated/prisma/client";
import { expireHolds } from "@/modules/bookings/expire-holds";
import { releaseExpiredClaims } from "@/modules/outbox/release-claims";
import { logger } from "@/server/logger";
import { metrics } from "@/server/observability/metrics";
import { enqueueOutboxMessages, enqueuePendingOutbox, enqueueStaleWebhookEvents } from "./enqueue";

/**
 * Every minute: cancel expired unpaid holds; release outbox attempts whose lease ran out (the
 * process stopped during the provider call: the unknown outcome is recorded on the row) and
 * retry them; re-enqueue inbox events and outbox rows that have waited too long (their job
 * was lost with a crashed process).
 */
export async function runSweep(db: PrismaClient, { staleAfterMs = 60_000 }: { staleAfterMs?: number } = {}) {
  const expired = await expireHolds(db, { now: new Date() });
  const released = await releaseExpiredClaims(db);
  if (released.length) {
    // Operators: an email among these may have gone out twice (a refund cannot: idempotency key).
    logger.warn({ outbox: released }, "outbox attempts with an unknown outcome (process stopped mid-call); retrying");
    for (const r of released) metrics.increment("booking.outbox.outcome_unknown", 1, [`kind:${r.kind}`]);
  }
  const events = await enqueueStaleWebhookEvents(db, staleAfterMs);
  // A released row's orphaned job may still count as running until pg-boss expires it; then
  // that job's retry claims the row instead.
  const retried = await enqueueOutboxMessages(released.map((r) => r.id));
  const outbox = retried + (await enqueuePendingOutbox(db, staleAfterMs));
  if (expired || events || outbox || released.length) logger.info({ expired, events, outbox, unknown: released.length }, "sweep");
  metrics.increment("booking.holds.expired", expired);
  return { expired, events, outbox, unknown: released.length };
}
