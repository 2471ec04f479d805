import type { PrismaClient } from "@/generated/prisma/client";
import { processWebhookEvent, type ProcessOutcome } from "@/modules/webhooks/process-webhook-event";
import { bookingConfig } from "@/server/booking-services";
import { defaultTuning } from "@/server/jobs/boss";
import { currentLevers } from "@/server/levers/lever-cache";
import { logger } from "@/server/logger";
import { metrics } from "@/server/observability/metrics";
import { activeSentry } from "@/server/observability/sentry-hub";

export type InboxDrainResult = Record<ProcessOutcome | "failed", number> & { paused: boolean; left: number };

/**
 * Applies recorded webhook events (RECEIVED, or FAILED with retries left) oldest first, each
 * through the worker's own processWebhookEvent, for a host with no long-lived worker. Safe
 * beside workers and other drains: each event is applied under its row lock and only while
 * still RECEIVED or FAILED ("already-done" otherwise). A failure is recorded on the row; the
 * next run (a minute later) is its backoff. While the WEBHOOKS_PAUSED lever is on (re-checked
 * before each event), events wait in the inbox; while MANUAL_BOOKING_MODE is on, they are held.
 */
export async function drainInbox(
  db: PrismaClient,
  { deadline, limit = 100 }: { deadline: number; limit?: number },
): Promise<InboxDrainResult> {
  const result: InboxDrainResult = { paused: false, processed: 0, ignored: 0, held: 0, "already-done": 0, missing: 0, failed: 0, left: 0 };
  if ((await currentLevers(db)).WEBHOOKS_PAUSED) return { ...result, paused: true };
  const config = bookingConfig();
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "WebhookEvent"
     WHERE status = 'RECEIVED' OR (status = 'FAILED' AND attempts <= ${defaultTuning.retryLimit})
     ORDER BY "receivedAt"
     LIMIT ${limit}`;
  for (const row of rows) {
    // Paused mid-drain: the rest waits, like events past the deadline.
    const levers = await currentLevers(db);
    if (!result.paused) result.paused = levers.WEBHOOKS_PAUSED;
    if (Date.now() >= deadline || result.paused) {
      result.left += 1;
      continue;
    }
    const started = Date.now();
    try {
      // Manual booking mode: marked HELD for an operator instead of applied (docs/decisions/0022).
      const outcome = await processWebhookEvent(db, { eventId: row.id, hold: levers.MANUAL_BOOKING_MODE, ...config });
      metrics.distribution("booking.webhook.processing_ms", Date.now() - started, [`outcome:${outcome}`]);
      result[outcome] += 1;
    } catch (error) {
      // Retried by the next run, but an operator should hear about it the first time (as from the worker).
      logger.error({ err: error, eventId: row.id }, "webhook processing failed");
      activeSentry()?.captureException(error, { tags: { queue: "inbox-drain" }, extra: { eventId: row.id } });
      result.failed += 1;
    }
  }
  if (result.processed || result.held || result.failed || result.left) logger.info({ ...result }, "inbox drain");
  return result;
}
