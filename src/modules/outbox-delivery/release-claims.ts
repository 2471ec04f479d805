import type { PrismaClient } from "@/generated/prisma/client";
import type { OutboxKind } from "@/generated/prisma/enums";
import { OUTCOME_UNKNOWN } from "./claim-outbox-message";

export type ReleasedClaim = { id: string; kind: OutboxKind; attempts: number };

/**
 * For the sweep: attempts whose lease ran out were claimed by a process that stopped during
 * the provider call (or lost the connection before recording). Whether the email went out or
 * the refund was made is unknown: that is recorded on the row (`outcomeUnknownAt`,
 * `lastError`) and the row is released, still PENDING, to be retried. A retried refund is
 * safe (Stripe's idempotency key); a retried email may arrive twice, and the row says so.
 */
export function releaseExpiredClaims(db: PrismaClient): Promise<ReleasedClaim[]> {
  return db.$queryRaw<ReleasedClaim[]>`
    UPDATE "OutboxMessage"
       SET "leaseExpiresAt" = NULL, "outcomeUnknownAt" = now(), "lastError" = ${OUTCOME_UNKNOWN}
     WHERE status = 'PENDING' AND "leaseExpiresAt" <= now()
    RETURNING id, kind, attempts`;
}

/**
 * For a worker shutting down whose calls outlived the grace period: releases its own claims
 * at once (instead of after the lease), recording the unknown outcome. Fenced by the attempt
 * number, so a claim another worker has since taken over is left alone. If the call still
 * completes before the process exits, its result is recorded as usual (the attempt still
 * matches until someone claims the row again).
 */
export async function releaseClaims(db: PrismaClient, claims: { id: string; attempt: number }[]): Promise<number> {
  let released = 0;
  for (const { id, attempt } of claims) {
    released += await db.$executeRaw`
      UPDATE "OutboxMessage"
         SET "leaseExpiresAt" = NULL, "outcomeUnknownAt" = now(), "lastError" = ${OUTCOME_UNKNOWN}
       WHERE id = ${id} AND attempts = ${attempt} AND status = 'PENDING' AND "leaseExpiresAt" IS NOT NULL`;
  }
  return released;
}

/**
 * Milliseconds until the soonest lease of an attempt in flight runs out (by the database's
 * clock), or null when none is in flight: the recovery loop looks again then, so a stopped
 * process's row is retried as soon as its lease lapses rather than up to a loop interval later.
 */
export async function msUntilNextLeaseLapse(db: PrismaClient): Promise<number | null> {
  const [row] = await db.$queryRaw<{ ms: number | null }[]>`
    SELECT (extract(epoch FROM min("leaseExpiresAt") - now()) * 1000)::int AS ms
      FROM "OutboxMessage" WHERE status = 'PENDING' AND "leaseExpiresAt" IS NOT NULL`;
  return row?.ms ?? null;
}
