import type { OutboxKind } from "@/generated/prisma/enums";
import type { Tx } from "@/modules/shared/tx";

/**
 * Records side effects owed by a state change, inside the same transaction as the change.
 * (bookingId, kind) is unique, so a redelivered event or a racing request can only ever
 * owe one confirmation email, one refund call, and so on. Returns the kinds newly owed.
 */
export async function enqueueOutbox(tx: Tx, bookingId: string, kinds: OutboxKind[]): Promise<number> {
  if (!kinds.length) return 0;
  const { count } = await tx.outboxMessage.createMany({
    data: kinds.map((kind) => ({ bookingId, kind })),
    skipDuplicates: true,
  });
  return count;
}
