import type { PrismaClient } from "@/generated/prisma/client";
import { logger } from "@/server/logger";
import { getBoss, QUEUES } from "./boss";

// Jobs point at rows (inbox events, outbox messages) that are already committed. If the
// process dies before a job is sent, the sweep re-enqueues the row, so nothing is lost;
// a duplicate job is harmless because each handler re-checks the row's status.

export async function enqueueWebhookEvent(eventId: string): Promise<void> {
  const boss = await getBoss();
  await boss.send(QUEUES.webhookEvent, { eventId }, { singletonKey: eventId });
}

export async function enqueuePendingOutbox(db: PrismaClient, olderThanMs = 0): Promise<number> {
  const rows = await db.outboxMessage.findMany({
    where: { status: "PENDING", createdAt: { lte: new Date(Date.now() - olderThanMs) } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: 500,
  });
  if (!rows.length) return 0;
  const boss = await getBoss();
  await boss.insert(
    QUEUES.outboxMessage,
    rows.map((r) => ({ data: { outboxId: r.id }, singletonKey: r.id })),
  );
  return rows.length;
}

export async function enqueueStaleWebhookEvents(db: PrismaClient, olderThanMs: number): Promise<number> {
  const rows = await db.webhookEvent.findMany({
    where: { status: "RECEIVED", receivedAt: { lte: new Date(Date.now() - olderThanMs) } },
    select: { id: true },
    take: 500,
  });
  for (const row of rows) await enqueueWebhookEvent(row.id);
  return rows.length;
}

/** After a commit that owes side effects: hand them to the queue without delaying the response. */
export function kickOutbox(db: PrismaClient): void {
  enqueuePendingOutbox(db).catch((error: unknown) => logger.warn({ err: error }, "outbox kick failed; the sweep will retry"));
}
