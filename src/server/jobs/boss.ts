import PgBoss from "pg-boss";
import { getEnv } from "@/server/env";
import { logger } from "@/server/logger";
import "./settle-guard";

// The job queue lives in the same PostgreSQL: a job is as durable as the rows it points at,
// and no other service is needed. pg-boss 10: the last major declaring Node 20 support (see
// docs/decisions/0008-node-20-and-pinned-versions.md).
//
// Schema "pgboss_v10", not pg-boss's default "pgboss": a database that ran pg-boss 12 holds a
// newer "pgboss" schema, and pg-boss 10 does not refuse it (it only migrates upwards): it
// starts, then fails on the first send (column "expire_in" does not exist). Jobs left in an
// old "pgboss" schema are not migrated: the start-up sweep re-enqueues inbox rows RECEIVED
// and outbox rows PENDING (a FAILED inbox row's pending retry is lost: replay it). Then drop
// that schema.
export const JOB_SCHEMA = "pgboss_v10";

export const QUEUES = {
  webhookEvent: "webhook-event",
  outboxMessage: "outbox-message",
  sweep: "sweep",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export type QueueTuning = { retryDelaySeconds: number; retryLimit: number };

// On globalThis so the Next server's chunks (instrumentation starts the workers, route
// handlers enqueue) share one instance and one connection pool.
const globalForBoss = globalThis as unknown as { bookingBoss?: Promise<PgBoss> | undefined };

export const defaultTuning: QueueTuning = { retryDelaySeconds: 5, retryLimit: 12 };

async function startBoss(connectionString: string, tuning: QueueTuning, runsWorkers: boolean): Promise<PgBoss> {
  // Maintenance (expiring jobs of dead workers, archiving) and the cron clock run only where
  // workers run: a web instance with RUN_WORKERS=false only sends jobs.
  const instance = new PgBoss({
    connectionString,
    schema: JOB_SCHEMA,
    max: 4,
    application_name: "booking-jobs",
    supervise: runsWorkers,
    schedule: runsWorkers,
  });
  instance.on("error", (error) => logger.error({ err: error }, "job queue error"));
  await instance.start();
  // Exponential backoff from retryDelaySeconds: attempt n+1 waits retryDelay * 2^n * (1..2)
  // seconds. pg-boss 10 has no cap (pg-boss 12's retryDelayMax capped it at an hour here), so
  // 12 retries span ~5.7-11.4 hours at the default instead of ~4-6: still well past a
  // provider outage, and each attempt is visible in the inbox/outbox.
  //
  // Policy "stately": at most one queued, one retrying and one running job per row id
  // (singletonKey). pg-boss 12's "exclusive" (at most one of those in all) does not exist in
  // 10, so sendUnlessLive() below skips ids that already have a live job: otherwise a
  // re-enqueue (every kickOutbox, the sweep) during a retry's backoff would run an extra
  // attempt at once, and one while a job runs would sit at the head of the queue, unable to
  // become active beside it, stalling the whole queue until that job ended.
  const retries = {
    policy: "stately" as const,
    retryLimit: tuning.retryLimit,
    retryDelay: tuning.retryDelaySeconds,
    retryBackoff: true,
  };
  await instance.createQueue(QUEUES.webhookEvent, { name: QUEUES.webhookEvent, ...retries, expireInSeconds: 60 });
  await instance.createQueue(QUEUES.outboxMessage, { name: QUEUES.outboxMessage, ...retries, expireInSeconds: 60 });
  await instance.createQueue(QUEUES.sweep, { name: QUEUES.sweep, retryLimit: 0, expireInSeconds: 120 });
  return instance;
}

export function getBoss(tuning: QueueTuning = defaultTuning): Promise<PgBoss> {
  const env = getEnv();
  // DIRECT_URL: the queue's long-lived polling connections bypass a transaction-mode pooler (docs/decisions/0012-pgbouncer.md).
  globalForBoss.bookingBoss ??= startBoss(env.DIRECT_URL || env.DATABASE_URL, tuning, env.RUN_WORKERS).catch((error: unknown) => {
    globalForBoss.bookingBoss = undefined;
    throw error;
  });
  return globalForBoss.bookingBoss;
}

/** The instance started by getBoss() and not stopped since, if any (never starts one). */
export function runningBoss(): Promise<PgBoss> | undefined {
  return globalForBoss.bookingBoss;
}

/**
 * Stops fetching, waits up to `timeoutMs` for running jobs to finish, then fails the rest
 * (they are retried elsewhere) and closes pg-boss's pool.
 */
export async function stopBoss({ timeoutMs = 5000 }: { timeoutMs?: number } = {}): Promise<void> {
  const current = globalForBoss.bookingBoss;
  globalForBoss.bookingBoss = undefined;
  if (current) await (await current).stop({ graceful: true, timeout: timeoutMs });
}

/**
 * The ids among `keys` that already have a queued, retrying or running job in `queue`. Reads
 * pg-boss's own job table (no API offers this in 10.x; the version is pinned, and
 * src/server/jobs/boss.int.test.ts fails if the table changes).
 */
export async function liveJobKeys(boss: PgBoss, queue: QueueName, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const { rows } = await boss
    .getDb()
    .executeSql(
      `SELECT DISTINCT singleton_key FROM ${JOB_SCHEMA}.job WHERE name = $1 AND singleton_key = ANY($2::text[]) AND state < 'completed'`,
      [queue, keys],
    );
  return new Set((rows as { singleton_key: string }[]).map((r) => r.singleton_key));
}

/**
 * Enqueues one job per key unless that key already has a live job; returns how many were
 * sent. Two callers racing past the check still make one queued job (the stately policy);
 * only a job that another caller queued and a worker started between this check and this
 * insert leaves a duplicate: it holds up the queue until that job ends, then finds its row
 * already handled.
 */
export async function sendUnlessLive(queue: QueueName, jobs: { key: string; data: object }[]): Promise<number> {
  if (!jobs.length) return 0;
  const boss = await getBoss();
  const live = await liveJobKeys(
    boss,
    queue,
    jobs.map((j) => j.key),
  );
  const fresh = jobs.filter((j) => !live.has(j.key));
  if (fresh.length) await boss.insert(fresh.map((j) => ({ name: queue, data: j.data, singletonKey: j.key })));
  return fresh.length;
}
