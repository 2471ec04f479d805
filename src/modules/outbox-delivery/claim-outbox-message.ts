import type { PrismaClient } from "@/generated/prisma/client";
import type { OutboxKind } from "@/generated/prisma/enums";

/**
 * The longest a claimed attempt may take in all. Well above the longest provider call (10 s
 * timeouts; Stripe's two network retries bring a refund to ~35 s), so a live call is never
 * taken over; past it the attempt is presumed stuck and the row retried.
 */
export const DEFAULT_LEASE_MS = 60_000;

/**
 * The lease is granted this much at a time and renewed while the call runs (see
 * renewOutboxLease), up to DEFAULT_LEASE_MS in all. A process killed mid-call stops renewing,
 * so its row is free again within this much instead of a minute (issue 10: recovery in seconds).
 */
export const LIVE_LEASE_MS = 10_000;

export const OUTCOME_UNKNOWN = "outcome unknown: the process stopped during the provider call";

export type OutboxClaim = {
  id: string;
  kind: OutboxKind;
  /** Null for an account email, which names its user instead. */
  bookingId: string | null;
  userId: string | null;
  /** The attempt number this claim owns (`attempts` after the claim): the fencing token. */
  attempt: number;
  /** The previous attempt's lease had run out: its outcome is unknown, recorded on the row. */
  reclaimed: boolean;
};

type ClaimRow = { id: string; kind: OutboxKind; bookingId: string | null; userId: string | null; attempts: number; reclaimed: boolean };

/**
 * Step 1 of claim, call, record: one conditional UPDATE, committed on its own (no transaction
 * stays open). The row stays PENDING; `attempts` + 1 and a lease mark the attempt in flight.
 * Of two workers racing, the second re-reads the row after the first commits and matches
 * nothing. A lease that ran out (the worker died mid-call) may be taken over: that records
 * the unknown outcome on the row before this attempt runs.
 *
 * Returns the claim, "busy" when a live lease holds the row, "not-due" when it waits for its
 * `availableAt` (a reminder: a job that reaches it early ends, and the row is enqueued again
 * once due), or "done" when the row is no longer owed (SENT, FAILED, CANCELLED, gone).
 */
export async function claimOutboxMessage(
  db: PrismaClient,
  { outboxId, leaseMs = DEFAULT_LEASE_MS, liveLeaseMs = LIVE_LEASE_MS }: { outboxId: string; leaseMs?: number; liveLeaseMs?: number },
): Promise<OutboxClaim | "busy" | "not-due" | "done"> {
  // Times are the database's (now()), so workers' clocks never disagree about a lease. On the
  // right of SET, columns are the values before this update.
  const rows = await db.$queryRaw<ClaimRow[]>`
    UPDATE "OutboxMessage"
       SET attempts = attempts + 1,
           "claimedAt" = now(),
           "leaseExpiresAt" = now() + LEAST(${leaseMs}::int, ${liveLeaseMs}::int) * interval '1 millisecond',
           "outcomeUnknownAt" = CASE WHEN "leaseExpiresAt" IS NULL THEN "outcomeUnknownAt" ELSE now() END,
           "lastError" = CASE WHEN "leaseExpiresAt" IS NULL THEN "lastError" ELSE ${OUTCOME_UNKNOWN} END
     WHERE id = ${outboxId}
       AND status = 'PENDING'
       AND "availableAt" <= now()
       AND ("leaseExpiresAt" IS NULL OR "leaseExpiresAt" <= now())
    RETURNING id, kind, "bookingId", "userId", attempts, coalesce("outcomeUnknownAt" = "claimedAt", false) AS reclaimed`;
  const row = rows[0];
  if (row) {
    const { id, kind, bookingId, userId, attempts, reclaimed } = row;
    return { id, kind, bookingId, userId, attempt: attempts, reclaimed };
  }
  const current = await db.outboxMessage.findUnique({
    where: { id: outboxId },
    select: { status: true, leaseExpiresAt: true, availableAt: true },
  });
  if (current?.status !== "PENDING") return "done";
  if (current.leaseExpiresAt) return "busy";
  return current.availableAt > new Date() ? "not-due" : "done";
}

/**
 * Extends a claimed attempt's lease by `liveLeaseMs` from now, never past `claimedAt` +
 * `leaseMs`; called every few seconds while the provider call runs. Fenced by the attempt
 * number and a lease still set: false once the row was taken over, released or recorded
 * (then the caller stops renewing).
 */
export async function renewOutboxLease(
  db: PrismaClient,
  {
    outboxId,
    attempt,
    leaseMs = DEFAULT_LEASE_MS,
    liveLeaseMs = LIVE_LEASE_MS,
  }: { outboxId: string; attempt: number; leaseMs?: number; liveLeaseMs?: number },
): Promise<boolean> {
  const count = await db.$executeRaw`
    UPDATE "OutboxMessage"
       SET "leaseExpiresAt" = LEAST("claimedAt" + ${leaseMs}::int * interval '1 millisecond',
                                    now() + ${liveLeaseMs}::int * interval '1 millisecond')
     WHERE id = ${outboxId} AND attempts = ${attempt} AND status = 'PENDING' AND "leaseExpiresAt" IS NOT NULL`;
  return count === 1;
}
