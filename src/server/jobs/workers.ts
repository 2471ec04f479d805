import { activeSentry } from "@/server/observability/sentry-hub";
import type { PrismaClient } from "@/generated/prisma/client";
import type { OutboxClaim } from "@/modules/outbox-delivery/claim-outbox-message";
import { deliverOutboxMessage, EmailPausedError, RetryLaterError, type OutboxDeps } from "@/modules/outbox-delivery/deliver-outbox-message";
import { releaseClaims } from "@/modules/outbox-delivery/release-claims";
import { SENDER_NAME } from "@/modules/ports/mailer";
import { processWebhookEvent } from "@/modules/webhooks/process-webhook-event";
import { bookingConfig } from "@/server/booking-services";
import { getEnv } from "@/server/env";
import { currentLevers } from "@/server/levers/lever-cache";
import { logger } from "@/server/logger";
import { scheduleBusinessMetrics } from "@/server/observability/business-metrics-job";
import { meteredMailer } from "@/server/observability/metered-mailer";
import { metrics } from "@/server/observability/metrics";
import { calendlyClient } from "@/server/providers/calendly-client";
import { sendgridMailer } from "@/server/providers/sendgrid-mailer";
import { stripeGateway } from "@/server/providers/stripe-gateway";
import { defaultTuning, getBoss, QUEUES, stopBoss, type QueueTuning } from "./boss";
import { kickOutbox } from "./enqueue";
import type { RunnableJob } from "./orphans";
import { startRecoveryLoop, type RecoveryLoop } from "./recovery";
import { runSweep } from "./sweep";
import { RECONCILE_SCHEDULE, runReconciliation } from "@/server/cron/reconcile";

const RECONCILE_QUEUE = "reconcile";

/** What outbox delivery calls and needs, from the environment as it is now (built once per worker start). */
export function outboxDeps(db: PrismaClient, overrides: Partial<OutboxDeps> = {}): OutboxDeps {
  const { baseUrl, manageTokenSecret, refundPolicy } = bookingConfig();
  return {
    mailer: meteredMailer(sendgridMailer),
    payments: stripeGateway,
    calendly: calendlyClient,
    baseUrl,
    manageTokenSecret,
    refundPolicy,
    emailPaused: async () => (await currentLevers(db)).EMAIL_SENDING_PAUSED,
    inviteOrganizer: { name: SENDER_NAME, email: getEnv().SENDGRID_FROM_EMAIL },
    onInviteError: (error, context) => {
      logger.error({ err: error, ...context }, "calendar invite not built; the email goes without it");
      activeSentry()?.captureException(error, { extra: context });
    },
    ...overrides,
  };
}

// Outbox attempts this process has claimed and not yet recorded, by job: what a shutdown
// that cannot wait for them releases (see stopWorkers).
const inFlight = new Map<string, OutboxClaim>();
// Jobs this process is running, from its queues or adopted by its recovery loop: never
// mistaken by that loop for a stopped process's.
const running = new Set<string>();
let recovery: RecoveryLoop | undefined;

function tracked<T>(handle: (job: RunnableJob<T>) => Promise<void>) {
  return async (job: RunnableJob<T>) => {
    running.add(job.id);
    try {
      await handle(job);
    } finally {
      running.delete(job.id);
    }
  };
}

/**
 * Starts the workers in this process (the Next server by default, or `npm run worker`).
 * Handlers only ever touch committed rows, so any number of processes may run them.
 */
export async function startWorkers(db: PrismaClient, tuning: QueueTuning = defaultTuning): Promise<void> {
  const boss = await getBoss(tuning);
  // includeMetadata for job.retryCount. pg-boss 10 has no localConcurrency: each work() call
  // is one polling loop taking one job at a time, so two calls per queue run two at once.
  const options = { includeMetadata: true as const, pollingIntervalSeconds: 0.5 };
  const concurrency = 2;

  // Settings are read once, at start: a worker's jobs never read the environment. The
  // levers are read per job instead (src/server/levers: at most seconds old).
  const config = bookingConfig();
  const deliveryDeps = outboxDeps(db);
  const handleEvent = tracked(async (job: RunnableJob<{ eventId: string }>) => {
    // Rollback lever: events are still verified, recorded and acknowledged, but wait in the
    // inbox. A RECEIVED event's job ends without touching the row; once the lever is off, the
    // recovery loop (every RECOVERY_INTERVAL_MS) enqueues it again. A FAILED event's job is a
    // retry, and nothing re-enqueues FAILED events: it fails again and waits out the next backoff.
    const levers = await currentLevers(db);
    if (levers.WEBHOOKS_PAUSED) {
      const row = await db.webhookEvent.findUnique({ where: { id: job.data.eventId }, select: { status: true } });
      if (row?.status === "FAILED") throw new Error("Webhook processing is paused (lever WEBHOOKS_PAUSED)");
      return;
    }
    const started = Date.now();
    // Manual booking mode: the event is marked HELD for an operator instead (docs/decisions/0022).
    const hold = levers.MANUAL_BOOKING_MODE;
    const outcome = await processWebhookEvent(db, { eventId: job.data.eventId, hold, ...config }).catch((error: unknown) => {
      // Retried by the queue, but an operator should hear about it the first time.
      logger.error({ err: error, eventId: job.data.eventId, attempt: job.retryCount }, "webhook processing failed");
      activeSentry()?.captureException(error, {
        tags: { queue: QUEUES.webhookEvent },
        extra: { eventId: job.data.eventId, attempt: job.retryCount },
      });
      throw error;
    });
    metrics.distribution("booking.webhook.processing_ms", Date.now() - started, [`outcome:${outcome}`]);
    kickOutbox(db);
  });
  for (let i = 0; i < concurrency; i++) {
    await boss.work<{ eventId: string }>(QUEUES.webhookEvent, options, async ([job]) => {
      if (job) await handleEvent(job);
    });
  }

  const handleOutbox = tracked(async (job: RunnableJob<{ outboxId: string }>) => {
    const finalAttempt = job.retryCount >= tuning.retryLimit;
    try {
      const outcome = await deliverOutboxMessage(db, deliveryDeps, {
        outboxId: job.data.outboxId,
        finalAttempt,
        onClaimed: (claim) => {
          inFlight.set(job.id, claim);
          if (claim.reclaimed) {
            logger.warn({ outboxId: claim.id, attempt: claim.attempt }, "outbox attempt after an unknown outcome (lease ran out)");
            metrics.increment("booking.outbox.outcome_unknown", 1, [`kind:${claim.kind}`]);
          }
        },
      });
      metrics.increment("booking.outbox.delivery", 1, [`outcome:${outcome}`]);
      if (outcome === "sent") kickOutbox(db); // a refund may owe a refund notice
      if (outcome === "superseded") {
        logger.warn({ outboxId: job.data.outboxId }, "outbox call finished after its lease ran out; another attempt owns the row");
      }
      if (outcome === "failed") {
        // Permanent: nothing more will be tried until an operator replays it (npm run outbox:replay).
        logger.error({ outboxId: job.data.outboxId }, "outbox message failed permanently");
        activeSentry()?.captureMessage("Outbox message failed permanently", { level: "error", extra: { outboxId: job.data.outboxId } });
      }
    } catch (error) {
      // Paused: the job ends and the row stays PENDING; the recovery loop offers it again every
      // RECOVERY_INTERVAL_MS, so it leaves within seconds of un-pausing, not after a backoff.
      if (error instanceof EmailPausedError) {
        metrics.increment("booking.outbox.delivery", 1, ["outcome:paused"]);
        return;
      }
      metrics.increment("booking.outbox.delivery", 1, ["outcome:retry"]);
      if (!(error instanceof RetryLaterError)) {
        logger.error({ err: error, outboxId: job.data.outboxId }, "outbox delivery crashed");
        activeSentry()?.captureException(error, { tags: { queue: QUEUES.outboxMessage }, extra: { outboxId: job.data.outboxId } });
      }
      throw error;
    } finally {
      inFlight.delete(job.id);
    }
  });
  for (let i = 0; i < concurrency; i++) {
    await boss.work<{ outboxId: string }>(QUEUES.outboxMessage, options, async ([job]) => {
      if (job) await handleOutbox(job);
    });
  }

  await boss.work(QUEUES.sweep, async () => {
    await runSweep(db);
  });
  await boss.schedule(QUEUES.sweep, "* * * * *");
  await scheduleBusinessMetrics(boss, db);
  await scheduleReconciliation(db, boss);
  // Recover whatever a previous process left behind (killed between record and process).
  await runSweep(db, { staleAfterMs: 0 });
  // Then every few seconds: rows and running jobs a stopped process (kill -9, lost database)
  // left behind, within seconds rather than pg-boss's expiry (docs/decisions/0003).
  await recovery?.stop();
  recovery = startRecoveryLoop(db, boss, {
    runners: { [QUEUES.webhookEvent]: handleEvent, [QUEUES.outboxMessage]: handleOutbox },
    running,
  });
}

/**
 * Stripe reconciliation, hourly (pg-boss sends one job per tick however many workers run). Not
 * in tests: they run it directly, and an hourly run landing in another test file would feed that
 * file's deliberately undelivered Stripe events into its inbox.
 */
async function scheduleReconciliation(db: PrismaClient, boss: Awaited<ReturnType<typeof getBoss>>): Promise<void> {
  if (getEnv().NODE_ENV === "test") return;
  await boss.createQueue(RECONCILE_QUEUE, { name: RECONCILE_QUEUE, retryLimit: 0, expireInSeconds: 15 * 60 });
  await boss.work(RECONCILE_QUEUE, async () => {
    // Failures are recorded on the run row and reported inside; the job fails visibly in pg-boss too.
    await runReconciliation(db);
  });
  await boss.schedule(RECONCILE_QUEUE, RECONCILE_SCHEDULE);
}

/**
 * Graceful stop: take no new jobs and start no recovery pass, give running ones (a pass's
 * adopted jobs too) up to `timeoutMs` to finish (pg-boss fails the rest of its own, so they are
 * retried after their backoff; an adopted job left running stays active and is adopted again
 * by another worker), then release the outbox attempts
 * still in flight: their outcome is unknown, recorded on the row, and the job's retry (on
 * another worker) may claim the row at once instead of waiting for the lease to run out.
 */
export async function stopWorkers(db: PrismaClient, { timeoutMs = 20_000 }: { timeoutMs?: number } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  // No new recovery pass; one under way (it may be running adopted jobs) gets the same grace.
  const recovering = recovery?.stop();
  recovery = undefined;
  await stopBoss({ timeoutMs });
  if (recovering) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([recovering, new Promise((r) => (timer = setTimeout(r, Math.max(0, deadline - Date.now()))))]);
    clearTimeout(timer);
  }
  const abandoned = [...inFlight.values()];
  inFlight.clear();
  if (!abandoned.length) return;
  const released = await releaseClaims(db, abandoned);
  logger.warn({ outbox: abandoned.map((c) => c.id), released }, "stopped during provider calls: outcomes unknown, released for retry");
}
