import type { PrismaClient } from "@/generated/prisma/client";
import { expireHolds } from "@/modules/bookings/expire-holds";
import { logger } from "@/server/logger";
import { metrics } from "@/server/observability/metrics";
import { enqueuePendingOutbox, enqueueStaleWebhookEvents } from "./enqueue";

/**
 * Every minute: cancel expired unpaid holds, and re-enqueue inbox events and outbox rows
 * that have waited too long (their job was lost with a crashed process).
 */
export async function runSweep(db: PrismaClient, { staleAfterMs = 60_000 }: { staleAfterMs?: number } = {}) {
  const expired = await expireHolds(db, { now: new Date() });
  const events = await enqueueStaleWebhookEvents(db, staleAfterMs);
  const outbox = await enqueuePendingOutbox(db, staleAfterMs);
  if (expired || events || outbox) logger.info({ expired, events, outbox }, "sweep");
  metrics.increment("booking.holds.expired", expired);
  return { expired, events, outbox };
}
