import type { PrismaClient } from "@/generated/prisma/client";
import type { OutboxKind } from "@/generated/prisma/enums";

/**
 * How long a claimed attempt may take before its worker is presumed dead. Well above the
 * longest provider call (10 s timeouts; Stripe's two network retries bring a refund to ~35 s),
 * so a live call is never taken over; a dead worker's row is retried after it.
 */
export const DEFAULT_LEASE_MS = 60_000;

export const OUTCOME_UNKNOWN = "outcome unknown: the process stopped during the provider call";

export type OutboxClaim = {
  id: string;
  kind: OutboxKind;
  bookingId: string;
  /** The attempt number this claim owns (`attempts` after the claim): the fencing token. */
  attempt: number;
  /** The previous attempt's lease had run out: its outcome is unknown, recorded on the row. */
  reclaimed: boolean;
};

type ClaimRow = { id: string; kind: OutboxKind; bookingId: string; attempts: number; reclaimed: boolean };

/**
 * Step 1 of claim, call, record: one conditional UPDATE, committed on its own (no transaction
 * stays open). The row stays PENDING; `attempts` + 1 and a lease mark the attempt in flight.
 * Of two workers racing, the second re-reads the row after the first commits and matches
 * nothing. A lease that ran out (the worker died mid-call) may be taken over: that records
 * the unknown outcome on the row before this attempt runs.
 *
 * Returns the claim, "busy" when a live lease holds the row, or "done" when the row is no
 * longer owed (SENT, FAILED, gone).
 */
export async function claimOutboxMessage(
  db: PrismaClient,
  { outboxId, leaseMs = DEFAULT_LEASE_MS }: { outboxId: string; leaseMs?: number },
): Promise<OutboxClaim | "busy" | "done"> {
  // Times are the database's (now()), so workers' clocks never disagree about a lease. On the
  // right of SET, columns are the values before this update.
  const rows = await db.$queryRaw<ClaimRow[]>`
    UPDATE "OutboxMessage"
       SET attempts = attempts + 1,
           "claimedAt" = now(),
           "leaseExpiresAt" = now() + ${leaseMs}::int * interval '1 millisecond',
           "outcomeUnknownAt" = CASE WHEN "leaseExpiresAt" IS NULL THEN "outcomeUnknownAt" ELSE now() END,
           "lastError" = CASE WHEN "leaseExpiresAt" IS NULL THEN "lastError" ELSE ${OUTCOME_UNKNOWN} END
     WHERE id = ${outboxId}
       AND status = 'PENDING'
       AND ("leaseExpiresAt" IS NULL OR "leaseExpiresAt" <= now())
    RETURNING id, kind, "bookingId", attempts, coalesce("outcomeUnknownAt" = "claimedAt", false) AS reclaimed`;
  const row = rows[0];
  if (row) return { id: row.id, kind: row.kind, bookingId: row.bookingId, attempt: row.attempts, reclaimed: row.reclaimed };
  const current = await db.outboxMessage.findUnique({ where: { id: outboxId }, select: { status: true, leaseExpiresAt: true } });
  return current?.status === "PENDING" && current.leaseExpiresAt ? "busy" : "done";
}
