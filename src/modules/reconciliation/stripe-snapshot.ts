import type { LedgerCheckout, LedgerPaymentIntent, LedgerRefund, PaymentLedger } from "@/modules/ports/payment-gateway";
import type { StripePayment } from "./compare-payment";

/** What Stripe holds for the window, read before any database work (no transaction is open). */
export type StripeSnapshot = {
  payments: StripePayment[];
  sessions: Map<string, LedgerCheckout>;
  intents: Map<string, LedgerPaymentIntent>;
};

/** Refunds that took (or are taking) money back; failed and canceled ones did not. */
const COUNTED_REFUNDS = new Set(["succeeded", "pending", "requires_action"]);

export function refundedTotal(refunds: LedgerRefund[]): number {
  return refunds.filter((r) => COUNTED_REFUNDS.has(r.status)).reduce((sum, r) => sum + r.amount, 0);
}

export function paymentFromIntent(intent: LedgerPaymentIntent, session: LedgerCheckout | null): StripePayment {
  return {
    bookingId: session?.bookingId ?? intent.bookingId,
    checkoutSessionId: session?.id ?? null,
    paymentIntentId: intent.id,
    paid: intent.succeeded || session?.paid === true,
    amountTotal: session?.amountTotal ?? null,
    amountReceived: intent.succeeded ? intent.amountReceived : null,
    currency: session?.currency ?? intent.currency,
    refundedCents: 0,
  };
}

export function paymentFromSession(session: LedgerCheckout): StripePayment {
  return {
    bookingId: session.bookingId,
    checkoutSessionId: session.id,
    paymentIntentId: session.paymentIntentId,
    paid: session.paid,
    amountTotal: session.amountTotal,
    amountReceived: null,
    currency: session.currency,
    refundedCents: 0,
  };
}

/**
 * Paid Checkout Sessions and succeeded PaymentIntents created since `since`, merged into one
 * payment each, with the refunds made on them. A refund in the window on an older payment
 * brings that payment in too (one extra read), so a late refund is compared like any other.
 */
export async function readStripeSnapshot(ledger: PaymentLedger, since: Date): Promise<StripeSnapshot> {
  const [sessionList, intentList, refundList] = await Promise.all([
    ledger.checkoutSessionsSince(since),
    ledger.paymentIntentsSince(since),
    ledger.refundsSince(since),
  ]);
  const sessions = new Map(sessionList.map((s) => [s.id, s]));
  const intents = new Map(intentList.map((pi) => [pi.id, pi]));

  const byIntent = new Map<string, StripePayment>();
  const payments: StripePayment[] = [];
  for (const session of sessionList) {
    if (!session.paid) continue;
    const intent = session.paymentIntentId ? intents.get(session.paymentIntentId) : undefined;
    const payment = intent ? paymentFromIntent(intent, session) : paymentFromSession(session);
    payments.push(payment);
    if (payment.paymentIntentId) byIntent.set(payment.paymentIntentId, payment);
  }
  for (const intent of intentList) {
    if (!intent.succeeded || byIntent.has(intent.id)) continue;
    const payment = paymentFromIntent(intent, null);
    payments.push(payment);
    byIntent.set(intent.id, payment);
  }

  const refundedIntents = new Set(
    refundList.flatMap((r) => (r.paymentIntentId && COUNTED_REFUNDS.has(r.status) ? [r.paymentIntentId] : [])),
  );
  for (const intentId of refundedIntents) {
    let payment = byIntent.get(intentId);
    if (!payment) {
      const intent = await ledger.paymentIntent(intentId);
      if (!intent) continue;
      intents.set(intent.id, intent);
      payment = paymentFromIntent(intent, null);
      payments.push(payment);
      byIntent.set(intentId, payment);
    }
    payment.refundedCents = refundedTotal(await ledger.refundsOf(intentId));
  }
  return { payments, sessions, intents };
}
