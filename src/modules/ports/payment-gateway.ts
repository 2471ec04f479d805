// The port use-cases need from a payment provider. The Stripe adapter implements it
// (src/server/providers/stripe-gateway.ts); use-cases never import the SDK.

export type CheckoutRequest = {
  bookingId: string;
  amountCents: number;
  currency: string;
  productName: string;
  /** Shown under the name on the Checkout page: when the session is and the cancellation policy. */
  description?: string;
  customerEmail: string;
  expiresAt: Date;
  successUrl: string;
  cancelUrl: string;
};

export type RefundRequest = { bookingId: string; paymentIntentId: string; amountCents: number };

export type PaymentGateway = {
  createCheckoutSession(request: CheckoutRequest): Promise<{ id: string; url: string }>;
  refund(request: RefundRequest): Promise<{ id: string; status: string }>;
  /** Closes an open Checkout Session so a cancelled hold cannot be paid; resolves if it is no longer open. */
  expireCheckoutSession(sessionId: string): Promise<void>;
};

// --- What reconciliation reads from the payment provider (src/modules/reconciliation) ---

/** A Checkout Session as reconciliation compares it with a booking. */
export type LedgerCheckout = {
  id: string;
  bookingId: string | null;
  status: string;
  paid: boolean;
  amountTotal: number | null;
  currency: string | null;
  paymentIntentId: string | null;
};

export type LedgerPaymentIntent = {
  id: string;
  bookingId: string | null;
  succeeded: boolean;
  amountReceived: number;
  currency: string;
};

export type LedgerRefund = { id: string; paymentIntentId: string | null; amount: number; status: string };

/** A provider event as it would have been delivered: id, type and the whole envelope for the inbox. */
export type LedgerEvent = { id: string; type: string; payload: Record<string, unknown> };

/** Read-only: reconciliation never moves money through it. */
export type PaymentLedger = {
  /** Everything created at or after `since` (the provider pages through for us). */
  checkoutSessionsSince(since: Date): Promise<LedgerCheckout[]>;
  paymentIntentsSince(since: Date): Promise<LedgerPaymentIntent[]>;
  refundsSince(since: Date): Promise<LedgerRefund[]>;
  /** Events the provider has not seen our endpoint acknowledge (failed or still pending). */
  undeliveredEventsSince(since: Date): Promise<LedgerEvent[]>;
  /** Every refund of one payment, whenever made. */
  refundsOf(paymentIntentId: string): Promise<LedgerRefund[]>;
  /** null when the provider has no such object. */
  checkoutSession(id: string): Promise<LedgerCheckout | null>;
  paymentIntent(id: string): Promise<LedgerPaymentIntent | null>;
};
