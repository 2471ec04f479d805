import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/modules/shared/tx";

export type AuditEntry = {
  actorId: string;
  /** What was done, e.g. "lever.set". */
  action: string;
  target: { type: string; id: string };
  /** Why, in the operator's words: required (a CHECK refuses blank ones too). */
  reason: string;
  before: Prisma.InputJsonValue | null;
  after: Prisma.InputJsonValue | null;
};

/** Writes one AuditLog row; call it inside the transaction of the change it records. */
export async function recordAudit(tx: Tx, entry: AuditEntry) {
  const reason = entry.reason.trim();
  if (!reason) throw new Error("An audit entry needs a reason");
  return tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.target.type,
      targetId: entry.target.id,
      reason,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
  });
}
