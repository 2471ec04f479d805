import { AppError, notFound } from "@/core/errors";
import { canApply } from "@/core/booking/booking-lifecycle";
import type { RefundPolicy } from "@/core/booking/refund-policy";
import { refundCutoff, refundPolicySentence } from "@/core/booking/refund-policy-text";
import { instantText, readerZone, sessionTimeText } from "@/core/calendar/session-time-text";
import type { PaymentGateway } from "@/modules/ports/payment-gateway";
import type { Actor } from "@/modules/shared/actor";
import type { BookingConfig } from "@/modules/shared/booking-config";
import type { Tx } from "@/modules/shared/tx";
import { relationToBooking } from "./booking-access";

export type StartCheckoutOptions = {
  /** No transaction: the provider call must not run inside one. */
  db: Tx;
  payments: PaymentGateway;
  config: Pick<BookingConfig, "baseUrl" | "refundPolicy">;
  bookingId: string;
  /** Null right after our own booking, which already authorised it. */
  actor: Actor | null;
  now: Date;
};

/**
 * The line item's description: when the session is, in the client's zone, and the cancellation
 * policy with its deadline, so the last page before paying says what a late cancellation costs.
 * Determined by the booking alone, like every other parameter (the idempotency key below).
 */
function checkoutDescription(
  booking: { createdAt: Date; startTime: Date; endTime: Date; clientTimeZone: string | null; builder: { timeZone: string } },
  policy: RefundPolicy,
): string {
  const zone = readerZone(booking.clientTimeZone, booking.builder.timeZone);
  const when = sessionTimeText(booking.startTime, booking.endTime, zone);
  const cutoff = refundCutoff(booking.startTime, policy);
  // Booked after the cutoff (decided by when it was booked, not by now, to stay the same on every retry).
  if (cutoff <= booking.createdAt)
    return `${when}. ${refundPolicySentence(policy)} This booking is already past that point: cancelling it is not refundable.`;
  return `${when}. ${refundPolicySentence(policy)} Full refund if cancelled before ${instantText(cutoff, zone)}.`;
}

/**
 * Opens (or reopens) Stripe Checkout for a held paid booking. The amount is always the
 * booking's own price snapshot, never anything from the client. Parameters are fully
 * determined by the booking, so with the idempotency key checkout:<bookingId> a retry or a
 * "resume payment" click gets the same Checkout Session back from Stripe.
 */
export async function startCheckout({ db, payments, config, bookingId, actor, now }: StartCheckoutOptions): Promise<{ url: string }> {
  const booking = await db.booking.findUnique({
    where: { id: bookingId },
    select: {
      id: true,
      status: true,
      paymentStatus: true,
      priceCents: true,
      currency: true,
      clientEmail: true,
      clientTimeZone: true,
      createdAt: true,
      startTime: true,
      endTime: true,
      holdExpiresAt: true,
      clientId: true,
      manageTokenHash: true,
      stripeCheckoutSessionId: true,
      builder: { select: { userId: true, displayName: true, timeZone: true } },
      sessionType: { select: { title: true } },
    },
  });
  if (!booking || (actor && !relationToBooking(booking, actor))) throw notFound("Booking");
  // Payable exactly when a payment would confirm it.
  if (!canApply("pay", booking)) throw new AppError("INVALID_STATE", "This booking does not need a payment");
  if (!booking.holdExpiresAt || booking.holdExpiresAt <= now) {
    throw new AppError("INVALID_STATE", "The hold on this time has expired; please book again");
  }

  const session = await payments.createCheckoutSession({
    bookingId: booking.id,
    amountCents: booking.priceCents,
    currency: booking.currency,
    productName: `${booking.sessionType.title} with ${booking.builder.displayName}`,
    description: checkoutDescription(booking, config.refundPolicy),
    customerEmail: booking.clientEmail,
    expiresAt: booking.holdExpiresAt,
    successUrl: `${config.baseUrl}/bookings/${booking.id}?checkout=success`,
    cancelUrl: `${config.baseUrl}/bookings/${booking.id}?checkout=cancelled`,
  });
  await db.booking.updateMany({
    where: { id: booking.id, stripeCheckoutSessionId: null },
    data: { stripeCheckoutSessionId: session.id },
  });
  return { url: session.url };
}
