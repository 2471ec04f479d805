import type { Tx } from "@/modules/shared/tx";

/**
 * Reads a booking with a row lock held to the end of the transaction, so event handlers
 * that decide from the current state (payments, Calendly) serialise per booking.
 */
export async function lockBooking(tx: Tx, bookingId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Booking" WHERE id = ${bookingId} FOR UPDATE`;
  if (!locked.length) return null;
  return tx.booking
    .findUnique({
      where: { id: bookingId },
      select: {
        id: true,
        status: true,
        paymentStatus: true,
        priceCents: true,
        currency: true,
        amountPaidCents: true,
        startTime: true,
        endTime: true,
        holdExpiresAt: true,
        stripePaymentIntentId: true,
        stripeCheckoutSessionId: true,
        calendlyInviteeUri: true,
        calendlyEventUri: true,
        rescheduledTo: { select: { id: true } },
      },
    })
    .then((b) => (b ? { ...b, rescheduledToId: b.rescheduledTo?.id ?? null } : null));
}
