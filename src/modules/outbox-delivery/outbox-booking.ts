import type { Tx } from "@/modules/shared/tx";
import type { EmailBooking } from "@/modules/emails/booking-email";

export function loadOutboxBooking(tx: Tx, bookingId: string) {
  return tx.booking.findUniqueOrThrow({
    where: { id: bookingId },
    select: {
      id: true,
      clientName: true,
      clientEmail: true,
      startTime: true,
      endTime: true,
      priceCents: true,
      currency: true,
      amountPaidCents: true,
      refundedCents: true,
      cancellationReason: true,
      stripePaymentIntentId: true,
      stripeCheckoutSessionId: true,
      calendlyEventUri: true,
      sessionType: { select: { title: true } },
      builder: { select: { displayName: true, timeZone: true } },
    },
  });
}

export function toEmailBooking(b: Awaited<ReturnType<typeof loadOutboxBooking>>): EmailBooking {
  return {
    id: b.id,
    clientName: b.clientName,
    clientEmail: b.clientEmail,
    startTime: b.startTime,
    endTime: b.endTime,
    priceCents: b.priceCents,
    currency: b.currency,
    amountPaidCents: b.amountPaidCents,
    refundedCents: b.refundedCents,
    cancellationReason: b.cancellationReason,
    sessionTitle: b.sessionType.title,
    builderName: b.builder.displayName,
    builderTimeZone: b.builder.timeZone,
  };
}
