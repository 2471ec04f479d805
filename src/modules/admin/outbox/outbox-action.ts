import type { OutboxStatus } from "@/generated/prisma/enums";
import { AppError, notFound } from "@/core/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import type { Db } from "@/modules/shared/tx";

export type OutboxActionOptions = {
  db: Db;
  actorId: string;
  outboxId: string;
  reason: string;
  now: Date;
  /** Hands the committed outbox rows to the job queue, after commit. */
  dispatchOutbox: () => void;
};

const rowSelect = { status: true, attempts: true, kind: true, bookingId: true, lastError: true, leaseExpiresAt: true } as const;

/**
 * Moves one outbox row from one of `from` to `to`, conditionally, with its audit row in the
 * same transaction. A row with an attempt in flight (a live lease) is left alone: its outcome
 * is about to be recorded.
 */
export async function moveOutboxMessage(
  options: OutboxActionOptions,
  { action, from, to, refusal }: { action: string; from: OutboxStatus[]; to: OutboxStatus; refusal: (status: string) => string },
) {
  const { db, outboxId, now } = options;
  const result = await db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "OutboxMessage" WHERE id = ${outboxId} FOR UPDATE`;
    if (!locked.length) throw notFound("Outbox message");
    const before = await tx.outboxMessage.findUniqueOrThrow({ where: { id: outboxId }, select: rowSelect });
    if (!from.includes(before.status)) throw new AppError("INVALID_STATE", refusal(before.status.toLowerCase()));
    if (before.leaseExpiresAt && before.leaseExpiresAt > now) {
      throw new AppError("INVALID_STATE", "An attempt is in flight right now; try again in a minute");
    }
    const after = await tx.outboxMessage.update({
      where: { id: outboxId },
      data: { status: to, ...(to === "PENDING" ? { availableAt: now, leaseExpiresAt: null } : {}) },
      select: rowSelect,
    });
    const audit = await recordAudit(tx, {
      actorId: options.actorId,
      action,
      target: { type: "OutboxMessage", id: outboxId },
      reason: options.reason,
      before: {
        status: before.status,
        attempts: before.attempts,
        kind: before.kind,
        bookingId: before.bookingId,
        lastError: before.lastError,
      },
      after: { status: after.status, attempts: after.attempts },
    });
    return { auditId: audit.id, status: after.status };
  });
  options.dispatchOutbox();
  return result;
}

/** A failed message is tried again (its attempts are kept, for the record). */
export function retryOutboxMessage(options: OutboxActionOptions) {
  return moveOutboxMessage(options, {
    action: "outbox.retry",
    from: ["FAILED"],
    to: "PENDING",
    refusal: (status) => `Only a failed message can be retried; this one is ${status}`,
  });
}

/** An operator gives up on a message still owed: no worker will try it again. */
export function abandonOutboxMessage(options: OutboxActionOptions) {
  return moveOutboxMessage(options, {
    action: "outbox.abandon",
    from: ["PENDING", "FAILED"],
    to: "ABANDONED",
    refusal: (status) => `Only a pending or failed message can be given up; this one is ${status}`,
  });
}
