import type { PrismaClient } from "@/generated/prisma/client";
import { ReconciliationError, reconcilePayments, type ReconcileResult } from "@/modules/reconciliation/reconcile-payments";
import { getEnv } from "@/server/env";
import { enqueueWebhookEvent } from "@/server/jobs/enqueue";
import { logger } from "@/server/logger";
import { metrics } from "@/server/observability/metrics";
import { reportUnexpectedError } from "@/server/observability/report-error";
import { stripeLedger } from "@/server/providers/stripe-gateway";
import { withoutNul } from "@/server/webhooks/without-nul";
import type { PaymentLedger } from "@/modules/ports/payment-gateway";

/** Hourly, off the top of the hour (when other crons crowd in). Worker schedule and vercel.json alike. */
export const RECONCILE_SCHEDULE = "17 * * * *";

export type ReconcileSummary = Omit<ReconcileResult, "windowStart"> & { windowStart: string };

/** The Stripe ledger as the inbox can store it (PostgreSQL refuses U+0000, as for a delivery). */
const ledger: PaymentLedger = {
  ...stripeLedger,
  undeliveredEventsSince: async (since) => withoutNul(await stripeLedger.undeliveredEventsSince(since)),
};

/** Like the webhook route: the row is durable, so a failed enqueue is left to the sweep (stale RECEIVED rows). */
async function enqueue(eventId: string): Promise<void> {
  await enqueueWebhookEvent(eventId).catch((error: unknown) => logger.warn({ err: error, eventId }, "enqueue failed; sweep will retry"));
}

function emit(result: ReconcileResult, outcome: "ok" | "failed"): void {
  metrics.increment("booking.reconciliation.run", 1, [`outcome:${outcome}`]);
  for (const [kind, n] of Object.entries(result.byKind)) metrics.increment("booking.reconciliation.mismatch", n, [`kind:${kind}`]);
  metrics.increment("booking.reconciliation.missed_event", result.missedEvents);
}

/**
 * One reconciliation run (docs/operations.md#reconciliation), for the worker's hourly schedule and
 * /api/cron/reconcile. A Stripe failure is recorded on the run row, logged and reported, and
 * rethrown so the job fails visibly; flags and events from before it stay.
 */
export async function runReconciliation(db: PrismaClient, { now }: { now?: Date } = {}): Promise<ReconcileSummary> {
  try {
    const result = await reconcilePayments(db, { ledger, enqueue, windowDays: getEnv().RECONCILE_WINDOW_DAYS, now });
    emit(result, "ok");
    const { runId, checked, mismatches, flagged, missedEvents, unknownBookings } = result;
    const summary = { runId, checked, mismatches, flagged, missedEvents, unknownBookings };
    if (mismatches || missedEvents) logger.warn(summary, "reconciliation found differences with Stripe");
    else logger.info(summary, "reconciliation: bookings agree with Stripe");
    return { ...result, windowStart: result.windowStart.toISOString() };
  } catch (error) {
    if (error instanceof ReconciliationError) emit(error.partial, "failed");
    const failure = error instanceof Error ? error : new Error(String(error));
    reportUnexpectedError(failure, { path: "jobs/reconcile" });
    throw failure;
  }
}
