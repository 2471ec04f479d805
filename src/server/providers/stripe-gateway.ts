import Stripe from "stripe";
import type { PaymentGateway } from "@/modules/ports/payment-gateway";
import { getStripe } from "./stripe-client";

// Deterministic idempotency keys: a retried call can never create a second session or refund.
export const stripeGateway: PaymentGateway = {
  async createCheckoutSession(request) {
    const metadata = { bookingId: request.bookingId };
    const session = await getStripe().checkout.sessions.create(
      {
        mode: "payment",
        client_reference_id: request.bookingId,
        metadata,
        payment_intent_data: { metadata },
        customer_email: request.customerEmail,
        expires_at: Math.floor(request.expiresAt.getTime() / 1000),
        success_url: request.successUrl,
        cancel_url: request.cancelUrl,
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: request.currency,
              unit_amount: request.amountCents,
              product_data: { name: request.productName },
            },
          },
        ],
      },
      { idempotencyKey: `checkout:${request.bookingId}` },
    );
    if (!session.url) throw new Error(`Checkout Session ${session.id} has no URL`);
    return { id: session.id, url: session.url };
  },

  async refund(request) {
    const refund = await getStripe().refunds.create(
      {
        payment_intent: request.paymentIntentId,
        amount: request.amountCents,
        reason: "requested_by_customer",
        metadata: { bookingId: request.bookingId },
      },
      { idempotencyKey: `refund:${request.bookingId}` },
    );
    return { id: refund.id, status: refund.status ?? "pending" };
  },

  async expireCheckoutSession(sessionId) {
    try {
      await getStripe().checkout.sessions.expire(sessionId);
    } catch (error) {
      // Already complete or expired: nothing left to close (a completed payment is refunded by its event).
      if (error instanceof Stripe.errors.StripeInvalidRequestError) return;
      throw error;
    }
  },
};
