import type { Tx } from "@/modules/shared/tx";

/** What needs an operator now, for the console's overview: counts, and the last reconciliation run. */
export async function readConsoleOverview(db: Tx) {
  const [failedWebhooks, heldWebhooks, waitingWebhooks, failedOutbox, needsAttention, lastReconciliation] = await Promise.all([
    db.webhookEvent.count({ where: { status: "FAILED" } }),
    db.webhookEvent.count({ where: { status: "HELD" } }),
    db.webhookEvent.count({ where: { status: "RECEIVED" } }),
    db.outboxMessage.count({ where: { status: "FAILED" } }),
    db.booking.count({ where: { attentionReason: { not: null } } }),
    db.reconciliationRun.findFirst({
      orderBy: { startedAt: "desc" },
      select: { id: true, startedAt: true, finishedAt: true, checked: true, mismatches: true, missedEvents: true, error: true },
    }),
  ]);
  return { failedWebhooks, heldWebhooks, waitingWebhooks, failedOutbox, needsAttention, lastReconciliation };
}
