// The port use-cases need from a payment provider. The Stripe adapter implements it
// (src/server/providers/stripe-gateway.ts); use-cases never import the SDK.

export type CheckoutRequest = {
  bookingId: string;
  amountCents: number;
  currency: string;
  productName: string;
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
