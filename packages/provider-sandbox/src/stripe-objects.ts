// The Stripe objects the sandbox serves, trimmed to the fields a booking flow
// reads (see shared/reference/providers.md). Field names and value shapes are
// Stripe's; fields we never set are left out rather than faked.
import Stripe from "stripe";
import { randomId } from "./ids";

export type Metadata = Record<string, string>;

export type CheckoutSession = {
  id: string;
  object: "checkout.session";
  amount_subtotal: number;
  amount_total: number;
  cancel_url: string | null;
  client_reference_id: string | null;
  created: number;
  currency: string;
  customer: null;
  customer_details: { email: string | null; name: string | null } | null;
  customer_email: string | null;
  expires_at: number;
  livemode: false;
  metadata: Metadata;
  mode: "payment";
  payment_intent: string | null;
  payment_method_types: string[];
  payment_status: "paid" | "unpaid" | "no_payment_required";
  status: "open" | "complete" | "expired";
  success_url: string | null;
  url: string | null;
};

export type PaymentIntent = {
  id: string;
  object: "payment_intent";
  amount: number;
  amount_capturable: number;
  amount_received: number;
  capture_method: "automatic_async";
  client_secret: string;
  created: number;
  currency: string;
  customer: null;
  description: null;
  last_payment_error: { code: string; decline_code: string | null; message: string } | null;
  latest_charge: string | null;
  livemode: false;
  metadata: Metadata;
  payment_method_types: string[];
  status: "processing" | "succeeded" | "requires_payment_method";
};

export type Charge = {
  id: string;
  object: "charge";
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  captured: boolean;
  created: number;
  currency: string;
  livemode: false;
  metadata: Metadata;
  paid: boolean;
  payment_intent: string;
  refunded: boolean;
  status: "succeeded";
};

export type Refund = {
  id: string;
  object: "refund";
  amount: number;
  charge: string;
  created: number;
  currency: string;
  metadata: Metadata;
  payment_intent: string;
  reason: string | null;
  status: "succeeded";
};

export type StripeObject = CheckoutSession | PaymentIntent | Charge | Refund;

export type StripeEvent = {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  data: { object: StripeObject | Record<string, unknown>; previous_attributes?: Record<string, unknown> };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
};

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/**
 * Full event envelope. The object is deep-copied: an event is a snapshot, so a
 * later refund must not change what an earlier `checkout.session.completed`
 * said.
 */
export function buildEventEnvelope(
  type: string,
  object: StripeObject | Record<string, unknown>,
  opts: {
    pendingWebhooks: number;
    previousAttributes?: Record<string, unknown>;
    request?: { id: string | null; idempotency_key: string | null };
  },
): StripeEvent {
  const data: StripeEvent["data"] = { object: structuredClone(object) };
  if (opts.previousAttributes) data.previous_attributes = structuredClone(opts.previousAttributes);
  return {
    id: randomId("evt_"),
    object: "event",
    // The version the installed stripe-node sends, so typed handlers see matching shapes.
    api_version: Stripe.API_VERSION,
    created: nowSeconds(),
    data,
    livemode: false,
    pending_webhooks: opts.pendingWebhooks,
    request: opts.request ?? { id: null, idempotency_key: null },
    type,
  };
}

export function newPaymentIntent(session: CheckoutSession, metadata: Metadata, amount: number, currency: string): PaymentIntent {
  const id = randomId("pi_");
  return {
    id,
    object: "payment_intent",
    amount,
    amount_capturable: 0,
    amount_received: 0,
    capture_method: "automatic_async",
    client_secret: `${id}_secret_${randomId("", 25)}`,
    created: session.created,
    currency,
    customer: null,
    description: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: { ...metadata },
    payment_method_types: ["card"],
    status: "processing",
  };
}

export function newCharge(pi: PaymentIntent): Charge {
  return {
    id: randomId("ch_"),
    object: "charge",
    amount: pi.amount,
    amount_captured: pi.amount,
    amount_refunded: 0,
    captured: true,
    created: nowSeconds(),
    currency: pi.currency,
    livemode: false,
    metadata: { ...pi.metadata },
    paid: true,
    payment_intent: pi.id,
    refunded: false,
    status: "succeeded",
  };
}
