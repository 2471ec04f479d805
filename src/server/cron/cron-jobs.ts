import type { PrismaClient } from "@/generated/prisma/client";
import { runSweep } from "@/server/jobs/sweep";
import { drainInbox } from "./drain-inbox";
import { drainOutbox } from "./drain-outbox";
import { RECONCILE_SCHEDULE, runReconciliation } from "./reconcile";

/** Each run stops starting new work after this long: below a serverless function's limit (the route allows 60 s). */
export const CRON_BUDGET_MS = 25_000;

export type CronJob = {
  /** When the host's cron calls it (vercel.json lists the same; cron-jobs.test.ts keeps them in step). */
  schedule: string;
  run(db: PrismaClient, budget: { deadline: number }): Promise<object>;
};

/**
 * The jobs /api/cron/<job> runs, by name: the same functions the worker runs, so a host with
 * no long-lived worker (Vercel) does the same work. Add reconcile and reminders here.
 */
export const cronJobs: Record<string, CronJob> = {
  // Expired holds cancelled through the lifecycle writer, lost rows re-enqueued, dead leases released.
  sweep: { schedule: "* * * * *", run: (db) => runSweep(db) },
  // Recorded webhook events applied here rather than by a queue worker; what they owe leaves
  // with the outbox drain (this run or the next).
  "inbox-drain": { schedule: "* * * * *", run: (db, { deadline }) => drainInbox(db, { deadline }) },
  // What the outbox owes, delivered here rather than by a queue worker.
  "outbox-drain": { schedule: "* * * * *", run: (db, { deadline }) => drainOutbox(db, { deadline }) },
  // Stripe compared with the bookings: mismatches flagged for operators, missed events fed to the
  // inbox (the inbox drain applies them). Hourly, like the worker's schedule (RECONCILE_SCHEDULE).
  reconcile: { schedule: RECONCILE_SCHEDULE, run: (db) => runReconciliation(db) },
};
