// The sandbox's in-memory Stripe account: checkout sessions, payment intents,
// charges, refunds and the events their transitions produce. Pure state; the
// HTTP layer and webhook delivery live in stripe-sandbox.ts.
import { describeFormValue } from "./form-encoding";
import type { FormObject } from "./form-encoding";
import { randomId } from "./ids";
import { createSessionRecord, parseMetadata } from "./stripe-checkout";
import type { SessionRecord } from "./stripe-checkout";
import { StripeApiError, invalidRequest, noSuch } from "./stripe-errors";
import { buildEventEnvelope, newCharge, newPaymentIntent, nowSeconds } from "./stripe-objects";
import type { Charge, PaymentIntent, Refund, StripeEvent, StripeObject } from "./stripe-objects";

export type CompleteCheckoutOptions = {
  /** 'unpaid' models a delayed payment method: completed now, paid (or failed) later. */
  paymentStatus?: "paid" | "unpaid";
  /** Overrides to simulate a session whose paid amount differs from what the app expects. */
  amountTotal?: number;
  currency?: string;
  customerEmail?: string;
  deliver?: boolean;
};

type EventRequest = { id: string | null; idempotency_key: string | null };

const REFUND_REASONS = new Set(["duplicate", "fraudulent", "requested_by_customer"]);

export class StripeState {
  readonly sessions = new Map<string, SessionRecord>();
  readonly paymentIntents = new Map<string, PaymentIntent>();
  readonly charges = new Map<string, Charge>();
  readonly refunds = new Map<string, Refund>();
  readonly events: StripeEvent[] = [];

  constructor(private readonly pendingWebhooks: () => number) {}

  buildEvent(
    type: string,
    object: StripeObject | Record<string, unknown>,
    extra: { previousAttributes?: Record<string, unknown>; request?: EventRequest } = {},
  ): StripeEvent {
    const event = buildEventEnvelope(type, object, { pendingWebhooks: this.pendingWebhooks(), ...extra });
    this.events.push(event);
    return event;
  }

  createCheckoutSession(params: FormObject, publicBaseUrl: string): SessionRecord {
    const record = createSessionRecord(params, publicBaseUrl);
    this.sessions.set(record.session.id, record);
    return record;
  }

  record(id: string): SessionRecord {
    const record = this.sessions.get(id);
    if (!record) throw noSuch("checkout.session", id, "session");
    return record;
  }

  completeCheckout(id: string, opts: CompleteCheckoutOptions = {}): StripeEvent[] {
    const record = this.record(id);
    const { session } = record;
    if (session.status !== "open") throw new Error(`Checkout Session ${id} is ${session.status}, not open`);
    const amount = opts.amountTotal ?? session.amount_total;
    const currency = opts.currency ?? session.currency;
    const pi = newPaymentIntent(session, record.paymentIntentMetadata, amount, currency);
    this.paymentIntents.set(pi.id, pi);
    Object.assign(session, {
      amount_total: amount,
      currency,
      status: "complete",
      payment_status: "unpaid",
      payment_intent: pi.id,
      url: null, // Stripe nulls the URL once the session is no longer usable.
      customer_details: { email: opts.customerEmail ?? session.customer_email, name: null },
    });
    if ((opts.paymentStatus ?? "paid") === "unpaid") {
      return [this.buildEvent("checkout.session.completed", session)];
    }
    this.succeed(pi);
    session.payment_status = "paid";
    return [this.buildEvent("checkout.session.completed", session), this.buildEvent("payment_intent.succeeded", pi)];
  }

  /** Second half of a delayed payment (`paymentStatus: 'unpaid'` above). */
  settleAsyncPayment(id: string, outcome: "succeeded" | "failed"): StripeEvent[] {
    const { session } = this.record(id);
    const pi = session.payment_intent ? this.paymentIntents.get(session.payment_intent) : undefined;
    if (session.status !== "complete" || session.payment_status !== "unpaid" || pi?.status !== "processing") {
      throw new Error(`Checkout Session ${id} has no pending asynchronous payment`);
    }
    if (outcome === "succeeded") {
      this.succeed(pi);
      session.payment_status = "paid";
      return [this.buildEvent("checkout.session.async_payment_succeeded", session), this.buildEvent("payment_intent.succeeded", pi)];
    }
    pi.status = "requires_payment_method";
    pi.last_payment_error = {
      code: "payment_intent_payment_attempt_failed",
      decline_code: null,
      message: "The payment failed (sandbox).",
    };
    return [this.buildEvent("checkout.session.async_payment_failed", session), this.buildEvent("payment_intent.payment_failed", pi)];
  }

  expireCheckout(id: string): StripeEvent[] {
    const { session } = this.record(id);
    if (session.status !== "open") throw new Error(`Checkout Session ${id} is ${session.status}, not open`);
    session.status = "expired";
    session.url = null;
    return [this.buildEvent("checkout.session.expired", session)];
  }

  createRefund(params: FormObject, request: EventRequest): { refund: Refund; events: StripeEvent[] } {
    const piId = typeof params.payment_intent === "string" ? params.payment_intent : undefined;
    const chargeId = typeof params.charge === "string" ? params.charge : undefined;
    if (!piId && !chargeId) {
      throw invalidRequest("One of the following params should be provided for this request: payment_intent or charge.");
    }
    const charge = piId ? this.chargeOfPaymentIntent(piId) : this.charges.get(chargeId ?? "");
    if (!charge) throw noSuch("charge", chargeId ?? "", "charge", 400);
    if (charge.refunded) {
      throw new StripeApiError(400, "invalid_request_error", `Charge ${charge.id} has already been refunded.`, {
        code: "charge_already_refunded",
        replayable: true,
      });
    }
    const remaining = charge.amount - charge.amount_refunded;
    let amount = remaining;
    if (params.amount !== undefined) {
      amount = typeof params.amount === "string" && /^\d+$/.test(params.amount) ? Number(params.amount) : NaN;
      if (!Number.isSafeInteger(amount) || amount < 1)
        throw invalidRequest(`Invalid integer: ${describeFormValue(params.amount)}`, "amount");
      if (amount > remaining) {
        throw new StripeApiError(
          400,
          "invalid_request_error",
          `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`,
          { param: "amount", code: "amount_too_large", replayable: true },
        );
      }
    }
    const reason = typeof params.reason === "string" && params.reason !== "" ? params.reason : null;
    if (reason !== null && !REFUND_REASONS.has(reason)) {
      throw invalidRequest("Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer", "reason");
    }
    const refund: Refund = {
      id: randomId("re_"),
      object: "refund",
      amount,
      charge: charge.id,
      created: nowSeconds(),
      currency: charge.currency,
      metadata: parseMetadata(params.metadata, "metadata"),
      payment_intent: charge.payment_intent,
      reason,
      status: "succeeded",
    };
    this.refunds.set(refund.id, refund);
    const previousAttributes = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded >= charge.amount;
    return { refund, events: [this.buildEvent("charge.refunded", charge, { previousAttributes, request })] };
  }

  private chargeOfPaymentIntent(piId: string): Charge {
    const pi = this.paymentIntents.get(piId);
    if (!pi) throw noSuch("payment_intent", piId, "payment_intent", 400);
    const charge = pi.latest_charge ? this.charges.get(pi.latest_charge) : undefined;
    if (!charge) {
      throw new StripeApiError(400, "invalid_request_error", `This PaymentIntent (${piId}) does not have a successful charge to refund.`, {
        param: "payment_intent",
        replayable: true,
      });
    }
    return charge;
  }

  private succeed(pi: PaymentIntent): void {
    const charge = newCharge(pi);
    this.charges.set(charge.id, charge);
    pi.status = "succeeded";
    pi.amount_received = pi.amount;
    pi.latest_charge = charge.id;
    pi.last_payment_error = null;
  }
}
