import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { logger } from "@/server/logger";
import { getBoss, JOB_SCHEMA, QUEUES, sendUnlessLive, type QueueName } from "./boss";

// Jobs point at rows (inbox events, outbox messages) that are already committed. If the
// process dies before a job is sent, the recovery loop re-enqueues the row, so nothing is
// lost; a duplicate job is harmless because each handler re-checks the row's status. A row
// that already has a live job (queued, waiting out a retry's backoff, or running) is skipped.

/**
 * No queued, retrying or running job for the row: owed work nothing will do (its job was lost
 * with a process, or gave up). Read from pg-boss's job table in the same query, so the batch
 * limit counts only such rows, not rows waiting out a retry's backoff. NOT IN over the live
 * keys, not a correlated NOT EXISTS: pg-boss has no index on singleton_key, and the planner
 * ran NOT EXISTS as a scan of the queue's jobs per owed row (1,000 owed rows: ~300-500 ms,
 * after every booking while the workers lagged); NOT IN reads the jobs once into a hash (<1 ms).
 */
function noLiveJob(queue: QueueName, rowId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${rowId} NOT IN (SELECT j.singleton_key FROM ${Prisma.raw(`${JOB_SCHEMA}.job`)} j
                                      WHERE j.name = ${queue} AND j.state < 'completed' AND j.singleton_key IS NOT NULL)`;
}

export async function enqueueWebhookEvent(eventId: string): Promise<void> {
  await sendUnlessLive(QUEUES.webhookEvent, [{ key: eventId, data: { eventId } }]);
}

/**
 * Outbox rows owed and due (a reminder waits for its `availableAt`: every recovery pass, each
 * few seconds, enqueues the ones that came due, so a schedule survives any restart), not in
 * flight (a lease: a call is running, or the recovery loop releases it first) and with no live job.
 */
export async function enqueuePendingOutbox(db: PrismaClient, olderThanMs = 0): Promise<number> {
  await getBoss(); // its schema exists once it has started
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT o.id FROM "OutboxMessage" o
     WHERE o.status = 'PENDING' AND o."availableAt" <= now() AND o."leaseExpiresAt" IS NULL
       AND o."createdAt" <= now() - ${olderThanMs}::int * interval '1 millisecond'
       AND ${noLiveJob(QUEUES.outboxMessage, Prisma.sql`o.id`)}
     ORDER BY o."createdAt"
     LIMIT 500`;
  return enqueueOutboxMessages(rows.map((r) => r.id));
}

export function enqueueOutboxMessages(ids: string[]): Promise<number> {
  return sendUnlessLive(
    QUEUES.outboxMessage,
    ids.map((id) => ({ key: id, data: { outboxId: id } })),
  );
}

/**
 * Inbox events still RECEIVED after `olderThanMs` with no live job. FAILED events are not
 * re-enqueued: their job is waiting out a retry's backoff, or gave up (an operator replays
 * them).
 */
export async function enqueueStaleWebhookEvents(db: PrismaClient, olderThanMs: number): Promise<number> {
  await getBoss();
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT e.id FROM "WebhookEvent" e
     WHERE e.status = 'RECEIVED'
       AND e."receivedAt" <= now() - ${olderThanMs}::int * interval '1 millisecond'
       AND ${noLiveJob(QUEUES.webhookEvent, Prisma.sql`e.id`)}
     ORDER BY e."receivedAt"
     LIMIT 500`;
  return sendUnlessLive(
    QUEUES.webhookEvent,
    rows.map((r) => ({ key: r.id, data: { eventId: r.id } })),
  );
}

/** After a commit that owes side effects: hand them to the queue without delaying the response. */
export function kickOutbox(db: PrismaClient): void {
  enqueuePendingOutbox(db).catch((error: unknown) => logger.warn({ err: error }, "outbox kick failed; the recovery loop will enqueue it"));
}
