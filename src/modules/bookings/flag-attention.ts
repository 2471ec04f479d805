import type { Tx } from "@/modules/shared/tx";

export type FlagOutcome = "flagged" | "appended" | "already-flagged" | "unknown-booking";

/** Enough for several reasons; a column an operator reads, not a log. */
export const MAX_ATTENTION_REASON_LENGTH = 2000;

/** Retries of the conditional update when another flag landed between our read and write. */
const MAX_ATTEMPTS = 5;

/**
 * Raises the "needs an operator" flag on a booking: attentionReason and attentionRaisedAt,
 * nothing else (never status or money; those change only through the lifecycle writers).
 *
 * A flag already up for another reason is not overwritten: the new reason is appended on its
 * own line and the first raise time is kept, so an operator sees everything found since the
 * flag went up. The same reason again (an hourly reconciliation finding the same mismatch)
 * changes nothing. The write is conditional on the reason read (compare-and-set), so
 * concurrent flags cannot lose each other's reason.
 */
export async function flagAttention(
  tx: Tx,
  { bookingId, reason, now = new Date() }: { bookingId: string; reason: string; now?: Date },
): Promise<FlagOutcome> {
  const text = reason.trim().slice(0, MAX_ATTENTION_REASON_LENGTH);
  if (!text) throw new Error("An attention flag needs a reason");
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await tx.booking.findUnique({ where: { id: bookingId }, select: { attentionReason: true, attentionRaisedAt: true } });
    if (!current) return "unknown-booking";
    const existing = current.attentionReason ?? "";
    if (existing.split("\n").includes(text) || (existing.length >= MAX_ATTENTION_REASON_LENGTH && existing.includes(text))) {
      return "already-flagged";
    }
    const appended = existing !== "";
    const { count } = await tx.booking.updateMany({
      where: { id: bookingId, attentionReason: current.attentionReason },
      data: {
        attentionReason: appended ? `${existing}\n${text}`.slice(0, MAX_ATTENTION_REASON_LENGTH) : text,
        // A flag raised by an older path without a time is dated now; otherwise the first time stays.
        attentionRaisedAt: appended && current.attentionRaisedAt ? current.attentionRaisedAt : now,
      },
    });
    if (count === 1) return appended ? "appended" : "flagged";
  }
  throw new Error(`Booking ${bookingId}: the attention flag kept changing underneath; try again`);
}
