import type { Db } from "@/modules/shared/tx";
import { recordAudit } from "@/modules/audit/record-audit";
import type { LeverName } from "./read-levers";

export type SetLeverOptions = {
  db: Db;
  actorId: string;
  lever: LeverName;
  value: boolean;
  reason: string;
  /** The value in effect while no row exists (the environment default): what `before` reports then. */
  fallback: boolean;
  now: Date;
};

/**
 * Sets a lever and audits it, in one transaction: both rows or neither. A call that does not
 * change the value is still written and audited (before equals after): an operator confirming a
 * lever during an incident, with a reason, is worth the record, and it pins the value against a
 * later change of the environment default. The row is locked first, so concurrent changes
 * each audit the value they actually replaced.
 */
export async function setLever({ db, actorId, lever, value, reason, fallback, now }: SetLeverOptions) {
  return db.$transaction(async (tx) => {
    const [current] = await tx.$queryRaw<{ value: boolean }[]>`
      SELECT value FROM "RuntimeLever" WHERE name = ${lever}::"LeverName" FOR UPDATE`;
    const before = { value: current?.value ?? fallback, stored: Boolean(current) };
    const row = await tx.runtimeLever.upsert({
      where: { name: lever },
      create: { name: lever, value, updatedAt: now, updatedById: actorId },
      update: { value, updatedAt: now, updatedById: actorId },
    });
    const audit = await recordAudit(tx, {
      actorId,
      action: "lever.set",
      target: { type: "RuntimeLever", id: lever },
      reason,
      before,
      after: { value, stored: true },
    });
    return { lever: row, auditId: audit.id, changed: before.value !== value };
  });
}
