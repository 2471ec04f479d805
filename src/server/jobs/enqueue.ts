import type { PrismaClient } from "@/generated/prisma/client";
import { logger } from "@/server/logger";
import { QUEUES, sendUnlessLive } from "./boss";

// Jobs point at rows (inbox events, outbox messages) that are already committed. If the
// process dies before a job is sent, the sweep re-enqueues the row, so nothing is lost;
// a duplicate job is harmless because each handler re-checks the row's status. A row that
// already has a live job (queued, waiting out a retry's backoff, or running) is skipped.

export async function enqueueWebhookEvent(eventId: string): Promise<void> {
  await sendUnlessLive(QUEUES.webhookEvent, [{ key: eventId, data: { eventId } }]);
}

export async function enqueuePendingOutbox(db: PrismaClient, olderThanMs = 0): Promise<number> {
  // A row with a lease is in flight (or its lease ran out: the sweep releases it first).
  const rows = await db.outboxMessage.findMany({
    where: { status: "PENDING", leaseExpiresAt: null, createdAt: { lte: new Date(Date.now() - olderThanMs) } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: 500,
  });
  return enqueueOutboxMessages(rows.map((r) => r.id));
}

export function enqueueOutboxMessages(ids: string[]): Promise<number> {
  return sendUnlessLive(
    QUEUES.outboxMessage,
    ids.map((id) => ({ key: id, data: { outboxId: id } })),
  );
}

export async function enqueueStaleWebhookEvents(db: PrismaClient, olderThanMs: number): Promise<number> {
  const rows = await db.webhookEvent.findMany({
    where: { status: "RECEIVED", receivedAt: { lte: new Date(Date.now() - olderThanMs) } },
    select: { id: true },
    take: 500,
  });
  return sendUnlessLive(
    QUEUES.webhookEvent,
    rows.map((r) => ({ key: r.id, data: { eventId: r.id } })),
  );
}

/** After a commit that owes side effects: hand them to the queue without delaying the response. */
export function kickOutbox(db: PrismaClient): void {
  enqueuePendingOutbox(db).catch((error: unknown) => logger.warn({ err: error }, "outbox kick failed; the sweep will retry"));
}
