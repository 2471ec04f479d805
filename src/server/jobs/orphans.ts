import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { JOB_SCHEMA, QUEUES, type QueueName } from "./boss";

/** What a job handler needs of a job (pg-boss's JobWithMetadata has it). */
export type RunnableJob<T = object> = { id: string; data: T; retryCount: number };

const jobTable = Prisma.raw(`${JOB_SCHEMA}.job`);

/**
 * What shows that a running job's row is really being worked on: an inbox event is processed
 * in one transaction holding its row lock (FOR UPDATE; the probe below skips locked rows); an
 * outbox attempt holds a lease that its process renews while the provider call runs.
 */
const rowIsBusy: Record<Exclude<QueueName, "sweep">, { join: Prisma.Sql; busy: Prisma.Sql; lock: Prisma.Sql }> = {
  [QUEUES.webhookEvent]: {
    join: Prisma.sql`JOIN "WebhookEvent" r ON r.id = j.singleton_key`,
    busy: Prisma.sql`false`,
    // FOR KEY SHARE conflicts only with FOR UPDATE: it skips an event being processed and
    // blocks nothing else.
    lock: Prisma.sql`FOR KEY SHARE OF r SKIP LOCKED`,
  },
  [QUEUES.outboxMessage]: {
    join: Prisma.sql`JOIN "OutboxMessage" r ON r.id = j.singleton_key`,
    busy: Prisma.sql`r.status = 'PENDING' AND r."leaseExpiresAt" IS NOT NULL AND r."leaseExpiresAt" > now()`,
    lock: Prisma.empty,
  },
};

/**
 * Jobs a stopped process left "active": pg-boss would only expire them after expireInSeconds
 * (checked by its maintenance every few minutes), and until then no other job may run for
 * their row. A job counts as orphaned once it has been active for `staleAfterMs` while its row
 * shows no live work (above); a live handler holds that within milliseconds of starting.
 *
 * Adopting restarts the job's clock (`started_on`) in one conditional update, so of several
 * workers' recovery loops one wins, and pg-boss's own expiry is pushed back while the adopter
 * runs it. The adopter then runs the job's handler and completes or fails it through pg-boss,
 * as the dead worker would have: a failure is retried after the queue's backoff, and the
 * retry count is the job's own. Jobs in `exclude` (this process's running ones) are left alone.
 */
export async function adoptOrphanedJobs<T>(
  db: PrismaClient,
  queue: typeof QUEUES.webhookEvent | typeof QUEUES.outboxMessage,
  { staleAfterMs, exclude, limit = 10 }: { staleAfterMs: number; exclude: string[]; limit?: number },
): Promise<RunnableJob<T>[]> {
  const row = rowIsBusy[queue];
  return db.$queryRaw<RunnableJob<T>[]>`
    UPDATE ${jobTable} adopted SET started_on = now()
      FROM (SELECT j.id FROM ${jobTable} j ${row.join}
             WHERE j.name = ${queue} AND j.state = 'active'
               AND j.started_on < now() - ${staleAfterMs}::int * interval '1 millisecond'
               AND NOT (j.id::text = ANY(${exclude}::text[]))
               AND NOT (${row.busy})
             ORDER BY j.started_on
             LIMIT ${limit}
               FOR UPDATE OF j SKIP LOCKED ${row.lock}) orphan
     WHERE adopted.id = orphan.id AND adopted.state = 'active'
    RETURNING adopted.id::text AS id, adopted.data, adopted.retry_count AS "retryCount"`;
}
