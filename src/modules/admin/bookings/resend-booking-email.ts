import { refuse, runBookingAction, type BookingActionOptions } from "./booking-action";

/**
 * An operator sends one of the booking's emails again: its outbox row (one per booking and
 * kind) goes back to PENDING, due now, and the worker sends it like any other. Only an email
 * already sent or failed: a pending one is on its way, and other kinds move money or Calendly.
 */
export function resendBookingEmail(options: BookingActionOptions & { outboxId: string }) {
  return runBookingAction(options, "booking.resendEmail", async (tx) => {
    const row = await tx.outboxMessage.findFirst({
      where: { id: options.outboxId, bookingId: options.bookingId },
      select: { kind: true, status: true, attempts: true },
    });
    if (!row) throw refuse("That message is not one of this booking's");
    if (!row.kind.startsWith("EMAIL_")) throw refuse("Only an email can be sent again");
    const { count } = await tx.outboxMessage.updateMany({
      where: { id: options.outboxId, status: { in: ["SENT", "FAILED"] } },
      data: { status: "PENDING", availableAt: options.now, lastError: null, leaseExpiresAt: null, sentAt: null },
    });
    if (count === 0) throw refuse(`Only a sent or failed email can be sent again; this one is ${row.status.toLowerCase()}`);
    return { outboxId: options.outboxId, kind: row.kind, previousStatus: row.status, attempts: row.attempts };
  });
}
