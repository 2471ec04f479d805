import Stripe from "stripe";
import type { LedgerCheckout, LedgerPaymentIntent, LedgerRefund, PaymentGateway, PaymentLedger } from "@/modules/ports/payment-gateway";
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
              product_data: { name: request.productName, ...(request.description ? { description: request.description } : {}) },
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

// --- Reconciliation's reads (src/modules/reconciliation): list calls with auto-pagination ---

/** More than this in one window means the window is too wide for one run: fail loudly rather than read forever. */
const MAX_LISTED = 20_000;

async function collect<T, U>(list: AsyncIterable<T>, map: (item: T) => U, what: string): Promise<U[]> {
  const out: U[] = [];
  for await (const item of list) {
    if (out.length >= MAX_LISTED) throw new Error(`More than ${MAX_LISTED} Stripe ${what} in the reconciliation window; shorten it`);
    out.push(map(item));
  }
  return out;
}

const idOf = (value: string | { id: string } | null | undefined) => (typeof value === "string" ? value : (value?.id ?? null));
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

function ledgerCheckout(s: Stripe.Checkout.Session): LedgerCheckout {
  return {
    id: s.id,
    bookingId: s.metadata?.bookingId ?? s.client_reference_id ?? null,
    status: s.status ?? "unknown",
    paid: s.payment_status === "paid",
    amountTotal: s.amount_total,
    currency: s.currency,
    paymentIntentId: idOf(s.payment_intent),
  };
}

function ledgerIntent(pi: Stripe.PaymentIntent): LedgerPaymentIntent {
  return {
    id: pi.id,
    bookingId: pi.metadata.bookingId ?? null,
    succeeded: pi.status === "succeeded",
    amountReceived: pi.amount_received,
    currency: pi.currency,
  };
}

function ledgerRefund(r: Stripe.Refund): LedgerRefund {
  return { id: r.id, paymentIntentId: idOf(r.payment_intent), amount: r.amount, status: r.status ?? "pending" };
}

/** Stripe's 404 for an object it does not have, as null. */
async function orNull<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) return null;
    throw error;
  }
}

export const stripeLedger: PaymentLedger = {
  checkoutSessionsSince: (since) =>
    collect(getStripe().checkout.sessions.list({ created: { gte: seconds(since) }, limit: 100 }), ledgerCheckout, "Checkout Sessions"),
  paymentIntentsSince: (since) =>
    collect(getStripe().paymentIntents.list({ created: { gte: seconds(since) }, limit: 100 }), ledgerIntent, "PaymentIntents"),
  refundsSince: (since) => collect(getStripe().refunds.list({ created: { gte: seconds(since) }, limit: 100 }), ledgerRefund, "refunds"),
  undeliveredEventsSince: (since) =>
    collect(
      getStripe().events.list({ created: { gte: seconds(since) }, delivery_success: false, limit: 100 }),
      // The envelope as a delivery's body would carry it (a plain JSON copy of what the API sent).
      (e) => ({ id: e.id, type: e.type, payload: JSON.parse(JSON.stringify(e)) as Record<string, unknown> }),
      "undelivered events",
    ),
  refundsOf: (paymentIntentId) =>
    collect(getStripe().refunds.list({ payment_intent: paymentIntentId, limit: 100 }), ledgerRefund, "refunds"),
  checkoutSession: async (id) => {
    const session = await orNull(getStripe().checkout.sessions.retrieve(id));
    return session && ledgerCheckout(session);
  },
  paymentIntent: async (id) => {
    const intent = await orNull(getStripe().paymentIntents.retrieve(id));
    return intent && ledgerIntent(intent);
  },
};
