import type { PrismaClient } from "@/generated/prisma/client";
import { expireHolds } from "@/modules/bookings/lifecycle/expire-holds";
import { releaseExpiredClaims } from "@/modules/outbox-delivery/release-claims";
import { logger } from "@/server/logger";
import { metrics } from "@/server/observability/metrics";
import { enqueueOutboxMessages, enqueuePendingOutbox, enqueueStaleWebhookEvents } from "./enqueue";

/**
 * Rows a stopped process left behind, short of its running jobs (recovery.ts adopts those):
 * release outbox attempts whose lease ran out (the process stopped or lost the database during
 * the provider call: the unknown outcome is recorded on the row) and retry them; enqueue inbox
 * events and outbox rows that have waited `staleAfterMs` with no live job (it was lost with a
 * crashed process, or never sent).
 */
export async function recoverLostRows(db: PrismaClient, { staleAfterMs }: { staleAfterMs: number }) {
  const released = await releaseExpiredClaims(db);
  if (released.length) {
    // Operators: an email among these may have gone out twice (a refund cannot: idempotency key).
    logger.warn({ outbox: released }, "outbox attempts with an unknown outcome (process stopped mid-call); retrying");
    for (const r of released) metrics.increment("booking.outbox.outcome_unknown", 1, [`kind:${r.kind}`]);
  }
  const events = await enqueueStaleWebhookEvents(db, staleAfterMs);
  // A released row whose job is still "active" (its process died) is skipped here and adopted
  // by the recovery loop instead.
  const retried = await enqueueOutboxMessages(released.map((r) => r.id));
  const outbox = retried + (await enqueuePendingOutbox(db, staleAfterMs));
  return { events, outbox, unknown: released.length };
}

/**
 * Every minute (and at start-up, with `staleAfterMs` 0): cancel expired unpaid holds, and
 * recover lost rows as every worker's recovery loop also does every few seconds.
 */
export async function runSweep(db: PrismaClient, { staleAfterMs = 60_000 }: { staleAfterMs?: number } = {}) {
  // One transaction: the cancellations and the outbox rows they owe commit together.
  const expired = await db.$transaction((tx) => expireHolds(tx, { now: new Date() }));
  const { events, outbox, unknown } = await recoverLostRows(db, { staleAfterMs });
  if (expired || events || outbox || unknown) logger.info({ expired, events, outbox, unknown }, "sweep");
  metrics.increment("booking.holds.expired", expired);
  return { expired, events, outbox, unknown };
}
