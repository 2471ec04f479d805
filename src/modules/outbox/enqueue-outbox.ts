import type { Prisma } from "@/generated/prisma/client";
import type { OutboxKind } from "@/generated/prisma/enums";
import { isReminder } from "@/core/booking/booking-effects";
import { reminderDueAt } from "@/core/booking/reminder-schedule";
import type { Tx } from "@/modules/shared/tx";
import { reminderLeadHours } from "./reminder-lead";

/**
 * Records side effects owed by a state change, inside the same transaction as the change.
 * (bookingId, kind) is unique, so a redelivered event or a racing request can only ever
 * owe one confirmation email, one refund call, and so on. Returns the kinds newly owed.
 *
 * Reminders are the only rows owed later: each waits until its `availableAt` (the lead time
 * before the start), and one that would come too close to the start is not owed at all.
 */
export async function enqueueOutbox(
  tx: Tx,
  bookingId: string,
  kinds: OutboxKind[],
  /** The booking's start when the caller has it (a writer that just inserted it): spares a read. */
  { now = new Date(), startTime }: { now?: Date; startTime?: Date } = {},
): Promise<number> {
  let reminderAt: Date | null = null;
  if (kinds.some(isReminder)) {
    const start = startTime ?? (await tx.booking.findUniqueOrThrow({ where: { id: bookingId }, select: { startTime: true } })).startTime;
    reminderAt = reminderDueAt({ startTime: start, now, leadHours: reminderLeadHours() });
  }
  const data: Prisma.OutboxMessageCreateManyInput[] = [];
  for (const kind of kinds) {
    if (!isReminder(kind)) data.push({ bookingId, kind });
    else if (reminderAt) data.push({ bookingId, kind, availableAt: reminderAt });
  }
  if (!data.length) return 0;
  const { count } = await tx.outboxMessage.createMany({ data, skipDuplicates: true });
  return count;
}
