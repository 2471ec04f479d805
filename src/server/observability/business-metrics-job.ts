import type PgBoss from "pg-boss";
import { lastDays } from "@/core/validation/admin-metrics";
import type { PrismaClient } from "@/generated/prisma/client";
import { getBusinessMetrics } from "@/modules/metrics/business-metrics";
import { logger } from "@/server/logger";
import { metrics } from "./metrics";

// The console's business figures, sent to Datadog as gauges once a minute: today's (UTC) value
// so far, from the very SQL the console runs (src/modules/metrics), so a dashboard and the
// console never disagree. One pg-boss schedule: one emission per minute however many workers
// run (docs/decisions/0023-business-metrics.md).

export const BUSINESS_METRICS_QUEUE = "business-metrics";
const TOP_SESSION_TYPES = 20;

/** Called by startWorkers; does nothing when metrics go nowhere (DD_TRACE_ENABLED off). */
export async function scheduleBusinessMetrics(boss: PgBoss, db: PrismaClient): Promise<void> {
  if (!metrics.enabled) return;
  await boss.createQueue(BUSINESS_METRICS_QUEUE, { name: BUSINESS_METRICS_QUEUE, retryLimit: 0, expireInSeconds: 60 });
  await boss.work(BUSINESS_METRICS_QUEUE, async () => {
    await emitBusinessMetrics(db, new Date()).catch((error: unknown) => logger.warn({ err: error }, "business metrics not emitted"));
  });
  await boss.schedule(BUSINESS_METRICS_QUEUE, "* * * * *");
}

export async function emitBusinessMetrics(db: PrismaClient, now: Date): Promise<void> {
  const m = await getBusinessMetrics(db, { range: lastDays(1, now), limit: TOP_SESSION_TYPES });
  metrics.gauge("booking.business.slot_requests.today", m.conversion.slotRequests);
  metrics.gauge("booking.business.bookings_created.today", m.conversion.bookingsCreated);
  metrics.gauge("booking.business.bookings_confirmed.today", m.conversion.bookingsConfirmed);
  const { checkoutsStarted, paid, failed, expired, open } = m.payments;
  for (const [outcome, value] of Object.entries({ started: checkoutsStarted, paid, failed, expired, open })) {
    metrics.gauge("booking.business.checkouts.today", value, [`outcome:${outcome}`]);
  }
  for (const t of m.revenue.totals) {
    metrics.gauge("booking.business.revenue_cents.today", t.revenueCents, [`currency:${t.currency}`]);
    metrics.gauge("booking.business.refunded_cents.today", t.refundedCents, [`currency:${t.currency}`]);
  }
  // Tagged by id (stable, no commas or colons); the console maps ids to titles.
  for (const s of m.popularity) {
    metrics.gauge("booking.business.session_type_bookings.today", s.bookings, [`session_type:${s.sessionTypeId}`]);
  }
}
