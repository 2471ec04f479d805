import { AppError } from "@/core/errors";
import type { WebhookStatus } from "@/generated/prisma/enums";
import { recordAudit } from "@/modules/audit/record-audit";
import type { Db } from "@/modules/shared/tx";

const DISMISSABLE: readonly WebhookStatus[] = ["HELD", "FAILED"];

/**
 * An operator decides a held (or failed) event is not to be applied: it becomes DISMISSED and
 * nothing else changes (no booking, no outbox row). Audited in the same transaction; a replay
 * can still apply it later.
 */
export async function dismissWebhookEvent({ db, actorId, eventId, reason }: { db: Db; actorId: string; eventId: string; reason: string }) {
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ status: WebhookStatus }[]>`
      SELECT status FROM "WebhookEvent" WHERE id = ${eventId} FOR UPDATE`;
    if (!locked) throw new AppError("NOT_FOUND", "No such webhook event");
    if (!DISMISSABLE.includes(locked.status)) {
      throw new AppError("INVALID_STATE", `Only a held or failed event can be dismissed; this one is ${locked.status}`);
    }
    await tx.webhookEvent.update({ where: { id: eventId }, data: { status: "DISMISSED", processedAt: new Date() } });
    await recordAudit(tx, {
      actorId,
      action: "webhook.dismiss",
      target: { type: "WebhookEvent", id: eventId },
      reason,
      before: { status: locked.status },
      after: { status: "DISMISSED" },
    });
    return { status: "DISMISSED" as const };
  });
}
