import type { Tx } from "@/modules/shared/tx";
import type { EmailBooking } from "@/modules/emails/booking-email";

export function loadOutboxBooking(tx: Tx, bookingId: string) {
  return tx.booking.findUniqueOrThrow({
    where: { id: bookingId },
    select: {
      id: true,
      status: true,
      paymentStatus: true,
      rescheduledFromId: true,
      clientName: true,
      clientEmail: true,
      clientTimeZone: true,
      startTime: true,
      endTime: true,
      holdExpiresAt: true,
      priceCents: true,
      currency: true,
      amountPaidCents: true,
      refundedCents: true,
      cancellationReason: true,
      cancelledBy: true,
      stripePaymentIntentId: true,
      stripeCheckoutSessionId: true,
      calendlyEventUri: true,
      sessionType: { select: { title: true } },
      builder: { select: { displayName: true, timeZone: true, slug: true, user: { select: { email: true } } } },
      rescheduledFrom: { select: { startTime: true, endTime: true } },
      rescheduledTo: { select: { id: true } },
    },
  });
}

export type OutboxBooking = Awaited<ReturnType<typeof loadOutboxBooking>>;

export function toEmailBooking(b: OutboxBooking): EmailBooking {
  return {
    id: b.id,
    clientName: b.clientName,
    clientEmail: b.clientEmail,
    clientTimeZone: b.clientTimeZone,
    startTime: b.startTime,
    endTime: b.endTime,
    priceCents: b.priceCents,
    currency: b.currency,
    amountPaidCents: b.amountPaidCents,
    refundedCents: b.refundedCents,
    cancellationReason: b.cancellationReason,
    cancelledBy: b.cancelledBy,
    holdExpiresAt: b.holdExpiresAt,
    previous: b.rescheduledFrom,
    sessionTitle: b.sessionType.title,
    builderName: b.builder.displayName,
    builderEmail: b.builder.user.email,
    builderTimeZone: b.builder.timeZone,
  };
}

// A reschedule chain is a handful of rows; the bound only guards against a corrupt cycle.
const MAX_CHAIN = 100;

/** The first booking of the reschedule chain `booking` ends, and how many reschedules led to it. */
export async function loadRescheduleChain(
  tx: Tx,
  booking: { id: string; rescheduledFromId: string | null },
): Promise<{ firstBookingId: string; rescheduleDepth: number }> {
  let current = booking;
  let depth = 0;
  while (current.rescheduledFromId && depth < MAX_CHAIN) {
    current = await tx.booking.findUniqueOrThrow({
      where: { id: current.rescheduledFromId },
      select: { id: true, rescheduledFromId: true },
    });
    depth++;
  }
  return { firstBookingId: current.id, rescheduleDepth: depth };
}
