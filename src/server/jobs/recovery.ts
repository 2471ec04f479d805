import type PgBoss from "pg-boss";
import type { PrismaClient } from "@/generated/prisma/client";
import { msUntilNextLeaseLapse } from "@/modules/outbox-delivery/release-claims";
import { logger } from "@/server/logger";
import { QUEUES, runningBoss } from "./boss";
import { adoptOrphanedJobs, type RunnableJob } from "./orphans";
import { recoverLostRows } from "./sweep";

/** How often every worker process looks for work a stopped process left behind. */
export const RECOVERY_INTERVAL_MS = 5_000;
/** How long a row may wait, or a job run without showing work on its row, before it counts as left behind. */
export const RECOVER_AFTER_MS = 5_000;
/** After a failed pass (the database is down or restarting): try again this soon. */
const RETRY_FAILED_PASS_MS = 1_000;

type RecoverableQueue = typeof QUEUES.webhookEvent | typeof QUEUES.outboxMessage;
export type JobRunner = (job: RunnableJob<never>) => Promise<void>;

export type RecoveryOptions = {
  /** The handlers this process runs, by queue. */
  runners: Partial<Record<RecoverableQueue, JobRunner>>;
  /** Ids of the jobs this process is running: never adopted by its own loop. */
  running: ReadonlySet<string>;
  staleAfterMs?: number;
};

/**
 * One recovery pass: releases outbox leases that ran out (unknown outcomes, recorded on the
 * row), enqueues rows with no live job, then adopts and runs jobs a stopped process left
 * "active" (see adoptOrphanedJobs). Rows waiting out a retry's backoff have a live job in
 * pg-boss's "retry" state and are left to it.
 */
export async function recoverOnce(
  db: PrismaClient,
  boss: PgBoss,
  { runners, running, staleAfterMs = RECOVER_AFTER_MS }: RecoveryOptions,
  stopping: () => boolean = () => false,
) {
  const lost = await recoverLostRows(db, { staleAfterMs });
  let adopted = 0;
  for (const queue of [QUEUES.webhookEvent, QUEUES.outboxMessage] as const) {
    const run = runners[queue];
    if (!run || stopping()) continue;
    const jobs = await adoptOrphanedJobs<never>(db, queue, { staleAfterMs, exclude: [...running] });
    if (!jobs.length) continue;
    adopted += jobs.length;
    logger.warn({ queue, jobs: jobs.map((j) => j.id) }, "running jobs a stopped process left active");
    await Promise.all(jobs.map((job) => runAdopted(boss, queue, job, run)));
  }
  if (lost.events || lost.outbox || lost.unknown || adopted) logger.info({ ...lost, adopted }, "recovery");
  return { ...lost, adopted, nextLeaseLapseMs: await msUntilNextLeaseLapse(db) };
}

async function runAdopted(boss: PgBoss, queue: RecoverableQueue, job: RunnableJob<never>, run: JobRunner): Promise<void> {
  // The handler logs and reports its own failures; here only the job's state is settled. If
  // that fails too (the database went away), the job stays active and is adopted again later.
  try {
    try {
      await run(job);
    } catch (error) {
      await boss.fail(queue, job.id, { message: error instanceof Error ? error.message : String(error) });
      return;
    }
    await boss.complete(queue, job.id);
  } catch (error) {
    logger.warn({ err: error, queue, jobId: job.id }, "could not settle an adopted job; it is adopted again later");
  }
}

export type RecoveryLoop = { stop(): Promise<void> };

/**
 * Runs recoverOnce now and then every `intervalMs` after the previous pass ended (passes never
 * overlap), in every worker process; sooner when an outbox lease is due to run out before then
 * (just after it does). A failed pass (the database is down or restarting) is logged and tried
 * again after a second, so recovery starts as soon as the database answers. The loop ends by
 * itself when the pg-boss instance it was given is stopped.
 */
export function startRecoveryLoop(db: PrismaClient, boss: PgBoss, options: RecoveryOptions & { intervalMs?: number }): RecoveryLoop {
  const intervalMs = options.intervalMs ?? RECOVERY_INTERVAL_MS;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<void> = Promise.resolve();
  const tick = () => {
    pass = (async () => {
      if ((await runningBoss()?.catch(() => undefined)) !== boss) {
        stopped = true; // pg-boss was stopped (or replaced): so are this process's workers
        return intervalMs;
      }
      const { nextLeaseLapseMs } = await recoverOnce(db, boss, options, () => stopped);
      return nextLeaseLapseMs === null ? intervalMs : Math.min(intervalMs, Math.max(nextLeaseLapseMs + 50, 100));
    })().then(
      (nextMs) => {
        schedule(nextMs);
      },
      (error: unknown) => {
        logger.warn({ err: error }, "recovery pass failed (database unreachable?); trying again shortly");
        schedule(RETRY_FAILED_PASS_MS);
      },
    );
  };
  // Never what keeps a process running (pg-boss's own loops do, while it runs).
  const schedule = (ms: number) => {
    if (!stopped) timer = setTimeout(tick, ms).unref();
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await pass;
    },
  };
}
