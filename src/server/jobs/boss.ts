import { PgBoss } from "pg-boss";
import { getEnv } from "@/server/env";
import { logger } from "@/server/logger";

// The job queue lives in the same PostgreSQL (schema "pgboss"): a job is as durable as the
// rows it points at, and no other service is needed.

export const QUEUES = {
  webhookEvent: "webhook-event",
  outboxMessage: "outbox-message",
  sweep: "sweep",
} as const;

export type QueueTuning = { retryDelaySeconds: number; retryLimit: number };

// On globalThis so the Next server's chunks (instrumentation starts the workers, route
// handlers enqueue) share one instance and one connection pool.
const globalForBoss = globalThis as unknown as { bookingBoss?: Promise<PgBoss> | undefined };

export const defaultTuning: QueueTuning = { retryDelaySeconds: 5, retryLimit: 12 };

async function startBoss(connectionString: string, tuning: QueueTuning): Promise<PgBoss> {
  const instance = new PgBoss({ connectionString, schema: "pgboss", max: 4, application_name: "booking-jobs" });
  instance.on("error", (error) => logger.error({ err: error }, "job queue error"));
  await instance.start();
  // "exclusive": at most one queued/active job per row id, so the sweep can re-enqueue freely.
  // Exponential backoff from retryDelaySeconds, capped at an hour: 12 retries span ~5 hours
  // at the default, well past a provider outage, and each attempt is visible in the inbox/outbox.
  const retries = {
    policy: "exclusive" as const,
    retryLimit: tuning.retryLimit,
    retryDelay: tuning.retryDelaySeconds,
    retryBackoff: true,
    retryDelayMax: 3600,
    notify: true,
  };
  await instance.createQueue(QUEUES.webhookEvent, { ...retries, expireInSeconds: 60 });
  await instance.createQueue(QUEUES.outboxMessage, { ...retries, expireInSeconds: 60 });
  await instance.createQueue(QUEUES.sweep, { retryLimit: 0, expireInSeconds: 120 });
  return instance;
}

export function getBoss(tuning: QueueTuning = defaultTuning): Promise<PgBoss> {
  globalForBoss.bookingBoss ??= startBoss(getEnv().DATABASE_URL, tuning).catch((error: unknown) => {
    globalForBoss.bookingBoss = undefined;
    throw error;
  });
  return globalForBoss.bookingBoss;
}

export async function stopBoss(): Promise<void> {
  const current = globalForBoss.bookingBoss;
  globalForBoss.bookingBoss = undefined;
  if (current) await (await current).stop({ graceful: true, timeout: 5000 });
}
