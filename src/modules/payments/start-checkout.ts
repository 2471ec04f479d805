import type { Tx } from "@/server/db/client";
import { AppError, notFound } from "@/core/errors";
import type { Actor } from "@/modules/shared/actor";
import { relationToBooking } from "@/modules/bookings/booking-access";
import type { PaymentGateway } from "./payment-gateway";

export type StartCheckoutInput = {
  bookingId: string;
  /** Null when called right after our own booking.create, which already authorised it. */
  actor: Actor | null;
  now: Date;
  baseUrl: string;
};

/**
 * Opens (or reopens) Stripe Checkout for a held paid booking. The amount is always the
 * booking's own price snapshot, never anything from the client. Parameters are fully
 * determined by the booking, so with the idempotency key checkout:<bookingId> a retry or a
 * "resume payment" click gets the same Checkout Session back from Stripe.
 */
export async function startCheckout(tx: Tx, gateway: PaymentGateway, input: StartCheckoutInput): Promise<{ url: string }> {
  const booking = await tx.booking.findUnique({
    where: { id: input.bookingId },
    select: {
      id: true,
      status: true,
      paymentStatus: true,
      priceCents: true,
      currency: true,
      clientEmail: true,
      holdExpiresAt: true,
      clientId: true,
      manageTokenHash: true,
      stripeCheckoutSessionId: true,
      builder: { select: { userId: true, displayName: true } },
      sessionType: { select: { title: true } },
    },
  });
  if (!booking || (input.actor && !relationToBooking(booking, input.actor))) throw notFound("Booking");
  if (booking.status !== "PENDING" || !["UNPAID", "FAILED"].includes(booking.paymentStatus)) {
    throw new AppError("INVALID_STATE", "This booking does not need a payment");
  }
  if (!booking.holdExpiresAt || booking.holdExpiresAt <= input.now) {
    throw new AppError("INVALID_STATE", "The hold on this time has expired; please book again");
  }

  const session = await gateway.createCheckoutSession({
    bookingId: booking.id,
    amountCents: booking.priceCents,
    currency: booking.currency,
    productName: `${booking.sessionType.title} with ${booking.builder.displayName}`,
    customerEmail: booking.clientEmail,
    expiresAt: booking.holdExpiresAt,
    successUrl: `${input.baseUrl}/bookings/${booking.id}?checkout=success`,
    cancelUrl: `${input.baseUrl}/bookings/${booking.id}?checkout=cancelled`,
  });
  await tx.booking.updateMany({
    where: { id: booking.id, stripeCheckoutSessionId: null },
    data: { stripeCheckoutSessionId: session.id },
  });
  return { url: session.url };
}
