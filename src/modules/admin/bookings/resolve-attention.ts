import { refuse, runBookingAction, type BookingActionOptions } from "./booking-action";

/**
 * An operator clears a booking's attention flag once handled. Not a lifecycle transition (no
 * status changes), but audited like every action: the flag's text stays in the audit row.
 */
export function resolveAttention(options: BookingActionOptions) {
  return runBookingAction(options, "booking.resolveAttention", async (tx, { before }) => {
    if (!before.attentionReason) throw refuse("This booking has no attention flag to resolve");
    const { count } = await tx.booking.updateMany({
      where: { id: options.bookingId, attentionReason: { not: null } },
      data: { attentionReason: null, attentionRaisedAt: null },
    });
    if (count === 0) throw refuse("The attention flag was resolved meanwhile");
  });
}
