import type { Db } from "@/modules/shared/tx";
import { reprocessWebhookEvent, type ReprocessOptions } from "./reprocess-webhook-event";

export type ReplayFailedResult = { replayed: number; processed: number; ignored: number; failed: number; remaining: number };

/**
 * Replays the oldest FAILED events, at most `limit` per call (one click stays bounded; the
 * answer says how many are left). Each is replayed and audited on its own, like a single
 * replay, so one bad event does not stop the rest.
 */
export async function replayFailedEvents(
  options: Omit<ReprocessOptions, "eventId" | "action"> & { db: Db; limit: number },
): Promise<ReplayFailedResult> {
  const { db, limit, ...rest } = options;
  const rows = await db.webhookEvent.findMany({
    where: { status: "FAILED" },
    orderBy: { receivedAt: "asc" },
    select: { id: true },
    take: limit,
  });
  const result: ReplayFailedResult = { replayed: 0, processed: 0, ignored: 0, failed: 0, remaining: 0 };
  for (const row of rows) {
    try {
      const { outcome } = await reprocessWebhookEvent({ ...rest, db, eventId: row.id, action: "replay" });
      result[outcome] += 1;
      result.replayed += 1;
    } catch {
      // Taken meanwhile (a worker's retry or another operator): not ours to count.
    }
  }
  result.remaining = await db.webhookEvent.count({ where: { status: "FAILED" } });
  return result;
}
