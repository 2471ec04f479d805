// Local stand-in for api.stripe.com + Checkout + webhooks. Point stripe-node at
// it with `new Stripe('sk_test_…', { host: '127.0.0.1', port, protocol: 'http' })`.
// Webhooks are signed with the real stripe package's test-header helper, so
// `stripe.webhooks.constructEvent` verifies them exactly as in production.
import Stripe from "stripe";
import { createSandboxApp, jsonResponse, requestUrl, startServer } from "./http-util";
import type { RunningServer } from "./http-util";
import { mountStripeApi } from "./stripe-api";
import type { RecordedStripeRequest } from "./stripe-api";
import { mountStripeControl } from "./stripe-control";
import { mountStripeHostedPages } from "./stripe-hosted";
import { nowSeconds } from "./stripe-objects";
import type { CheckoutSession, PaymentIntent, Refund, StripeEvent, StripeObject } from "./stripe-objects";
import { StripeState } from "./stripe-state";
import type { CompleteCheckoutOptions } from "./stripe-state";
import { SerialQueue, postWebhook } from "./webhook-delivery";
import type { Delivery } from "./webhook-delivery";

export type { CheckoutSession, PaymentIntent, Refund, StripeEvent, RecordedStripeRequest, CompleteCheckoutOptions, Delivery };

export type StripeSandboxOptions = {
  port?: number;
  webhookUrl?: string;
  webhookSecret: string;
  /** Base of `session.url` as a browser reaches it; defaults to the listening URL. */
  publicBaseUrl?: string;
  /** Deliver events as they happen (default true). Off: tests call deliver() in the order they want. */
  autoDeliver?: boolean;
};

export class StripeSandbox {
  readonly requests: RecordedStripeRequest[] = [];
  readonly deliveries: Delivery[] = [];
  readonly state: StripeState;
  webhookUrl: string | undefined;
  autoDeliver: boolean;
  readonly webhookSecret: string;
  private readonly queue = new SerialQueue();
  private outageDeliveries = 0;
  private server: RunningServer | undefined;
  private publicBase: string | undefined;

  constructor(opts: StripeSandboxOptions) {
    this.webhookUrl = opts.webhookUrl;
    this.webhookSecret = opts.webhookSecret;
    this.autoDeliver = opts.autoDeliver ?? true;
    this.publicBase = opts.publicBaseUrl?.replace(/\/$/, "");
    this.state = new StripeState(() => (this.webhookUrl ? 1 : 0));
  }

  get url(): string {
    return this.running().url;
  }
  get port(): number {
    return this.running().port;
  }
  get publicBaseUrl(): string {
    return this.publicBase ?? this.url;
  }
  get events(): readonly StripeEvent[] {
    return this.state.events;
  }

  /** Options for `new Stripe(key, …)` that send every request here. */
  clientConfig(): { host: string; port: number; protocol: "http" } {
    return { host: "127.0.0.1", port: this.port, protocol: "http" };
  }

  getCheckoutSession(id: string): CheckoutSession | undefined {
    return this.state.sessions.get(id)?.session;
  }
  getPaymentIntent(id: string): PaymentIntent | undefined {
    return this.state.paymentIntents.get(id);
  }

  /** Marks a session paid (or completed-unpaid) and delivers `checkout.session.completed` [+ `payment_intent.succeeded`]. */
  async completeCheckout(id: string, opts: CompleteCheckoutOptions = {}): Promise<StripeEvent[]> {
    return this.deliverIf(this.state.completeCheckout(id, opts), opts.deliver);
  }
  async settleAsyncPayment(id: string, outcome: "succeeded" | "failed", opts: { deliver?: boolean } = {}): Promise<StripeEvent[]> {
    return this.deliverIf(this.state.settleAsyncPayment(id, outcome), opts.deliver);
  }
  async expireCheckout(id: string, opts: { deliver?: boolean } = {}): Promise<StripeEvent[]> {
    return this.deliverIf(this.state.expireCheckout(id), opts.deliver);
  }

  /** A full event envelope for any object (recorded in `events`, not delivered). */
  buildEvent(type: string, object: StripeObject | Record<string, unknown>): StripeEvent {
    return this.state.buildEvent(type, object);
  }

  /** `Stripe-Signature` header value for a raw body, computed by the real stripe package. */
  signPayload(rawBody: string, timestampSeconds?: number): string {
    return Stripe.webhooks.generateTestHeaderString({
      payload: rawBody,
      secret: this.webhookSecret,
      timestamp: timestampSeconds ?? nowSeconds(),
    });
  }

  /**
   * POSTs one event to webhookUrl (pretty-printed like Stripe's, so an app that
   * re-serialises before verifying fails here as it would in production).
   * Queued behind earlier deliveries; resolves with the receiver's status (0 = no answer).
   */
  deliver(event: StripeEvent, opts: { signatureHeader?: string; timestampSeconds?: number } = {}): Promise<number> {
    return this.queue.run(async () => {
      const rawBody = JSON.stringify(event, null, 2);
      const url = this.webhookUrl;
      let result: { status: number; error?: string };
      if (this.outageDeliveries > 0) {
        this.outageDeliveries -= 1;
        result = { status: 0, error: "simulated outage: not sent" };
      } else {
        result = url
          ? await postWebhook(url, rawBody, {
              "Stripe-Signature": opts.signatureHeader ?? this.signPayload(rawBody, opts.timestampSeconds),
              "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
            })
          : { status: 0, error: "no webhookUrl configured" };
      }
      this.deliveries.push({ eventId: event.id, type: event.type, ...result, at: new Date() });
      // What `GET /v1/events?delivery_success=false` reads: the endpoint has now acknowledged it.
      if (result.status >= 200 && result.status < 300) this.markDelivered(event.id);
      return result.status;
    });
  }

  /**
   * Counts an event as acknowledged by the endpoint without sending it: Stripe believes the app
   * has it (a database restored from before it, an endpoint that answered 2xx and lost it).
   */
  markDelivered(eventId: string): void {
    const event = this.state.events.find((e) => e.id === eventId);
    if (!event) throw new Error(`no such event ${eventId}`);
    event.pending_webhooks = 0;
  }

  /** The next `count` deliveries fail without reaching the app (its endpoint was down). */
  failNextDeliveries(count: number): void {
    this.outageDeliveries = count;
  }

  /**
   * A refund made in the Stripe Dashboard rather than through the API the app calls: its
   * `charge.refunded` is delivered unless `deliver` is false.
   */
  async refundInDashboard(
    paymentIntentId: string,
    opts: { amount?: number; deliver?: boolean } = {},
  ): Promise<{ refund: Refund; events: StripeEvent[] }> {
    const params = { payment_intent: paymentIntentId, ...(opts.amount === undefined ? {} : { amount: String(opts.amount) }) };
    const { refund, events } = this.state.createRefund(params, { id: null, idempotency_key: null });
    return { refund, events: await this.deliverIf(events, opts.deliver) };
  }

  /** Resolves when every queued delivery has finished. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  async close(): Promise<void> {
    await this.idle();
    await this.server?.close();
  }

  async listen(port = 0): Promise<void> {
    const app = createSandboxApp();
    mountStripeApi(app, {
      state: this.state,
      publicBaseUrl: () => this.publicBaseUrl,
      requests: this.requests,
      autoDeliver: () => this.autoDelivering,
      afterResponse: (events) => {
        for (const event of events) void this.deliver(event);
      },
    });
    mountStripeControl(app, this);
    mountStripeHostedPages(app, this);
    app.notFound((c) =>
      jsonResponse(404, {
        error: { type: "invalid_request_error", message: `Unrecognized request URL (${c.req.method}: ${requestUrl(c).pathname}).` },
      }),
    );
    this.server = await startServer(app, port);
  }

  private get autoDelivering(): boolean {
    return this.autoDeliver && this.webhookUrl !== undefined;
  }

  private running(): RunningServer {
    if (!this.server) throw new Error("Stripe sandbox is not listening yet");
    return this.server;
  }

  private async deliverIf(events: StripeEvent[], deliver: boolean | undefined): Promise<StripeEvent[]> {
    if (deliver ?? this.autoDelivering) {
      for (const event of events) await this.deliver(event);
    }
    return events;
  }
}

export async function startStripeSandbox(opts: StripeSandboxOptions): Promise<StripeSandbox> {
  const sandbox = new StripeSandbox(opts);
  await sandbox.listen(opts.port ?? 0);
  return sandbox;
}
