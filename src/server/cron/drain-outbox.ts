import type { PrismaClient } from "@/generated/prisma/client";
import {
  deliverOutboxMessage,
  RetryLaterError,
  type DeliveryOutcome,
  type OutboxDeps,
} from "@/modules/outbox-delivery/deliver-outbox-message";
import { logger } from "@/server/logger";
import { metrics } from "@/server/observability/metrics";
import { defaultTuning } from "@/server/jobs/boss";
import { outboxDeps } from "@/server/jobs/workers";

export type DrainOptions = {
  /** No new message is started after this instant (ms since the epoch). */
  deadline: number;
  /** At most this many attempts per run. */
  limit?: number;
  deps?: OutboxDeps;
};

/** "deferred": not attempted now (another process holds its lease, or emails are paused) or retryable; a later run tries again. */
export type DrainResult = Record<Exclude<DeliveryOutcome, "retry">, number> & { deferred: number; left: number };

/**
 * Delivers owed outbox rows (PENDING, due, no live lease) oldest first, each through the worker's
 * own deliverOutboxMessage, for a host with no long-lived worker. Safe beside workers and other
 * drains: every attempt starts with the conditional claim, so a row held by another process is
 * "busy" here and left to it. A row tried once in this run is not tried again in it: the next
 * run (a minute later) is its backoff. Its attempt count is the job queue's retry budget.
 */
export async function drainOutbox(db: PrismaClient, { deadline, limit = 50, deps = outboxDeps(db) }: DrainOptions): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, skipped: 0, failed: 0, superseded: 0, cancelled: 0, deferred: 0, left: 0 };
  const tried: string[] = [];
  while (tried.length < limit) {
    // Re-read after each batch: a delivery may owe a follow-up (a refund owes its notice).
    const rows = await db.$queryRaw<{ id: string; attempts: number }[]>`
      SELECT id, attempts FROM "OutboxMessage"
       WHERE status = 'PENDING' AND "availableAt" <= now() AND ("leaseExpiresAt" IS NULL OR "leaseExpiresAt" <= now())
         AND NOT (id = ANY(${tried}::text[]))
       ORDER BY "createdAt"
       LIMIT ${Math.min(10, limit - tried.length)}`;
    if (!rows.length) break;
    for (const row of rows) {
      if (Date.now() >= deadline) {
        result.left += 1;
        continue;
      }
      tried.push(row.id);
      const outcome = await deliverOne(db, deps, row);
      result[outcome] += 1;
    }
    if (Date.now() >= deadline) break;
  }
  if (result.sent || result.failed || result.left) logger.info({ ...result }, "outbox drain");
  return result;
}

async function deliverOne(db: PrismaClient, deps: OutboxDeps, row: { id: string; attempts: number }) {
  try {
    const outcome = await deliverOutboxMessage(db, deps, { outboxId: row.id, finalAttempt: row.attempts >= defaultTuning.retryLimit });
    metrics.increment("booking.outbox.delivery", 1, [`outcome:${outcome}`]);
    if (outcome === "failed") logger.error({ outboxId: row.id }, "outbox message failed permanently");
    return outcome === "retry" ? "deferred" : outcome;
  } catch (error) {
    metrics.increment("booking.outbox.delivery", 1, ["outcome:retry"]);
    if (!(error instanceof RetryLaterError)) logger.error({ err: error, outboxId: row.id }, "outbox delivery crashed");
    return "deferred";
  }
}
