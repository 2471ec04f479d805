import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStripeSandbox } from "./stripe-sandbox";
import type { StripeSandbox } from "./stripe-sandbox";
import { startWebhookReceiver } from "./webhook-receiver";
import type { WebhookReceiver } from "./webhook-receiver";

const SECRET = "whsec_sandbox_test_secret";
let sandbox: StripeSandbox;
let receiver: WebhookReceiver;
let stripe: Stripe;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  sandbox = await startStripeSandbox({ webhookUrl: `${receiver.url}/api/webhooks/stripe`, webhookSecret: SECRET });
  // maxNetworkRetries 0: a test must see the first answer, not a retried one.
  stripe = new Stripe("sk_test_sandbox123", { ...sandbox.clientConfig(), maxNetworkRetries: 0 });
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});
beforeEach(() => {
  receiver.received.length = 0;
  sandbox.autoDeliver = true;
});

function sessionParams(bookingId: string, unitAmount = 2500): Stripe.Checkout.SessionCreateParams {
  return {
    mode: "payment",
    line_items: [
      {
        price_data: { currency: "usd", unit_amount: unitAmount, product_data: { name: "1:1 build session" } },
        quantity: 2,
      },
    ],
    client_reference_id: bookingId,
    customer_email: "client@example.com",
    metadata: { bookingId },
    payment_intent_data: { metadata: { bookingId } },
    success_url: "http://app.test/booking/success?session_id={CHECKOUT_SESSION_ID}",
    cancel_url: "http://app.test/booking/cancel",
    expires_at: Math.floor(Date.now() / 1000) + 60 * 60,
  };
}

/** Verifies like the app's route must: raw body + header + secret, via stripe-node. */
function verified(index: number): Stripe.Event {
  const hit = receiver.received[index];
  if (!hit) throw new Error(`no webhook #${index}`);
  return stripe.webhooks.constructEvent(hit.rawBody, hit.headers["stripe-signature"] ?? "", SECRET);
}

describe("checkout sessions through stripe-node", () => {
  it("creates a session from form-encoded params and records the wire request", async () => {
    const session = await stripe.checkout.sessions.create(sessionParams("bk_1"), { idempotencyKey: "checkout:bk_1" });
    expect(session.id).toMatch(/^cs_test_/);
    expect(session).toMatchObject({
      object: "checkout.session",
      mode: "payment",
      status: "open",
      payment_status: "unpaid",
      amount_total: 5000,
      amount_subtotal: 5000,
      currency: "usd",
      client_reference_id: "bk_1",
      customer_email: "client@example.com",
      metadata: { bookingId: "bk_1" },
      payment_intent: null,
      url: `${sandbox.url}/pay/${session.id}`,
    });
    const req = sandbox.requests.at(-1);
    expect(req?.path).toBe("/v1/checkout/sessions");
    expect(req?.idempotencyKey).toBe("checkout:bk_1");
    expect(req?.headers.authorization).toBe("Bearer sk_test_sandbox123");
    expect(req?.headers["stripe-version"]).toBe(Stripe.API_VERSION);
    expect(req?.rawBody).toContain("line_items[0][price_data][currency]=usd");
    expect(req?.body).toMatchObject({ line_items: [{ price_data: { unit_amount: "2500" }, quantity: "2" }] });
  });

  it("replays the same idempotency key and rejects it with other params", async () => {
    const first = await stripe.checkout.sessions.create(sessionParams("bk_2"), { idempotencyKey: "checkout:bk_2" });
    const again = await stripe.checkout.sessions.create(sessionParams("bk_2"), { idempotencyKey: "checkout:bk_2" });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers["idempotent-replayed"]).toBe("true");
    expect(first.lastResponse.headers["idempotent-replayed"]).toBeUndefined();
    expect(sandbox.state.sessions.size).toBeGreaterThan(0);
    const idsForBooking = [...sandbox.state.sessions.values()].filter((r) => r.session.client_reference_id === "bk_2");
    expect(idsForBooking).toHaveLength(1);

    const err = await stripe.checkout.sessions
      .create(sessionParams("bk_2", 9900), { idempotencyKey: "checkout:bk_2" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect((err as Stripe.errors.StripeError).statusCode).toBe(400);
  });

  it("validates expires_at and the API key like Stripe", async () => {
    const tooSoon = { ...sessionParams("bk_3"), expires_at: Math.floor(Date.now() / 1000) + 10 * 60 };
    const err = await stripe.checkout.sessions.create(tooSoon).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect((err as Stripe.errors.StripeError).param).toBe("expires_at");

    const tooLate = { ...sessionParams("bk_3"), expires_at: Math.floor(Date.now() / 1000) + 25 * 3600 };
    await expect(stripe.checkout.sessions.create(tooLate)).rejects.toMatchObject({
      param: "expires_at",
      statusCode: 400,
    });

    // Stripe's curl examples use Basic auth with the key as user name; that works too.
    const basic = await fetch(`${sandbox.url}/v1/checkout/sessions/${"cs_test_missing"}`, {
      headers: { Authorization: `Basic ${Buffer.from("sk_test_sandbox123:").toString("base64")}` },
    });
    expect(basic.status).toBe(404);
    expect(await basic.json()).toMatchObject({ error: { code: "resource_missing", param: "session" } });

    const live = new Stripe("sk_live_nope", { ...sandbox.clientConfig(), maxNetworkRetries: 0 });
    await expect(live.checkout.sessions.create(sessionParams("bk_3"))).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });

  it("pays through the hosted page: signed webhooks in order, then redirect to success_url", async () => {
    const session = await stripe.checkout.sessions.create(sessionParams("bk_4"));
    const html = await (await fetch(session.url ?? "")).text();
    expect(html).toContain("$50.00");
    expect(html).toMatch(/<button type="submit">Pay<\/button>/);

    const res = await fetch(`${sandbox.url}/pay/${session.id}/complete`, {
      method: "POST",
      body: new URLSearchParams({ email: "payer@example.com" }),
      redirect: "manual",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`http://app.test/booking/success?session_id=${session.id}`);

    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0]?.path).toBe("/api/webhooks/stripe");
    const completed = verified(0);
    const succeeded = verified(1);
    expect(completed.type).toBe("checkout.session.completed");
    expect(succeeded.type).toBe("payment_intent.succeeded");
    expect(completed).toMatchObject({ object: "event", livemode: false, api_version: Stripe.API_VERSION });
    const paid = completed.data.object as Stripe.Checkout.Session;
    expect(paid).toMatchObject({ id: session.id, status: "complete", payment_status: "paid", amount_total: 5000 });
    expect(paid.customer_details?.email).toBe("payer@example.com");
    const pi = succeeded.data.object as Stripe.PaymentIntent;
    expect(pi).toMatchObject({ id: paid.payment_intent, status: "succeeded", amount_received: 5000 });
    expect(pi.metadata).toEqual({ bookingId: "bk_4" });
    expect(pi.latest_charge).toMatch(/^ch_/);

    // A signature made with another secret, or over re-serialised JSON, must not verify.
    const raw = receiver.received[0]?.rawBody ?? "";
    const header = receiver.received[0]?.headers["stripe-signature"] ?? "";
    expect(() => stripe.webhooks.constructEvent(raw, header, "whsec_other")).toThrow(Stripe.errors.StripeSignatureVerificationError);
    expect(() => stripe.webhooks.constructEvent(JSON.stringify(JSON.parse(raw)), header, SECRET)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );

    const fetched = await stripe.checkout.sessions.retrieve(session.id, { expand: ["payment_intent"] });
    expect(fetched.status).toBe("complete");
    expect(fetched.url).toBeNull();
    expect((fetched.payment_intent as Stripe.PaymentIntent).id).toBe(pi.id);
    expect(sandbox.deliveries.slice(-2).map((d) => [d.type, d.status])).toEqual([
      ["checkout.session.completed", 200],
      ["payment_intent.succeeded", 200],
    ]);
    // The page refuses to take the same payment twice.
    const again = await fetch(`${sandbox.url}/pay/${session.id}/complete`, { method: "POST", redirect: "manual" });
    expect(again.status).toBe(409);
  });

  it("cancel on the hosted page redirects to cancel_url without events", async () => {
    const session = await stripe.checkout.sessions.create(sessionParams("bk_5"));
    const res = await fetch(`${sandbox.url}/pay/${session.id}/cancel`, { method: "POST", redirect: "manual" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("http://app.test/booking/cancel");
    expect(receiver.received).toHaveLength(0);
  });

  it("lets a test hold events and deliver them out of order, and records failed deliveries", async () => {
    const session = await stripe.checkout.sessions.create(sessionParams("bk_6"));
    const events = await sandbox.completeCheckout(session.id, { deliver: false, amountTotal: 100 });
    expect(events.map((e) => e.type)).toEqual(["checkout.session.completed", "payment_intent.succeeded"]);
    expect(receiver.received).toHaveLength(0);
    const [completed, succeeded] = events;
    if (!completed || !succeeded) throw new Error("expected two events");
    expect(await sandbox.deliver(succeeded)).toBe(200);
    receiver.respondWith([500]);
    expect(await sandbox.deliver(completed)).toBe(500);
    expect(verified(0).type).toBe("payment_intent.succeeded");
    expect(verified(1).id).toBe(completed.id);
    expect((verified(1).data.object as Stripe.Checkout.Session).amount_total).toBe(100);
    expect(sandbox.deliveries.at(-1)).toMatchObject({ eventId: completed.id, status: 500 });
    // A stale signature (older than stripe-node's 300 s tolerance) is rejected by the verifier.
    const stale = sandbox.signPayload("{}", Math.floor(Date.now() / 1000) - 600);
    expect(() => stripe.webhooks.constructEvent("{}", stale, SECRET)).toThrow(/timestamp/i);
  });
});

describe("refunds through stripe-node", () => {
  it("refunds a paid payment intent once, delivers charge.refunded, and replays by key", async () => {
    const session = await stripe.checkout.sessions.create(sessionParams("bk_7"));
    const [, succeeded] = await sandbox.completeCheckout(session.id);
    const piId = (succeeded?.data.object as { id: string }).id;
    receiver.received.length = 0;

    const refund = await stripe.refunds.create(
      { payment_intent: piId, reason: "requested_by_customer", metadata: { bookingId: "bk_7" } },
      { idempotencyKey: "refund:bk_7" },
    );
    expect(refund).toMatchObject({
      object: "refund",
      status: "succeeded",
      amount: 5000,
      payment_intent: piId,
      reason: "requested_by_customer",
      metadata: { bookingId: "bk_7" },
    });
    expect(refund.id).toMatch(/^re_/);
    await sandbox.idle();
    const event = verified(0);
    expect(event.type).toBe("charge.refunded");
    expect(event.request).toEqual({ id: refund.lastResponse.requestId, idempotency_key: "refund:bk_7" });
    expect(event.data.object).toMatchObject({ refunded: true, amount_refunded: 5000, payment_intent: piId });
    expect(event.data.previous_attributes).toEqual({ amount_refunded: 0, refunded: false });

    const replay = await stripe.refunds.create(
      { payment_intent: piId, reason: "requested_by_customer", metadata: { bookingId: "bk_7" } },
      { idempotencyKey: "refund:bk_7" },
    );
    expect(replay.id).toBe(refund.id);
    await expect(stripe.refunds.create({ payment_intent: piId }, { idempotencyKey: "refund:bk_7:again" })).rejects.toMatchObject({
      code: "charge_already_refunded",
      statusCode: 400,
    });
    await expect(stripe.refunds.create({ payment_intent: "pi_unknown" })).rejects.toMatchObject({
      code: "resource_missing",
      statusCode: 400,
      param: "payment_intent",
    });
    await sandbox.idle();
    expect(receiver.received).toHaveLength(1);
  });

  it("supports partial refunds and rejects amounts above what is left", async () => {
    const session = await stripe.checkout.sessions.create(sessionParams("bk_8"));
    const [, succeeded] = await sandbox.completeCheckout(session.id);
    const piId = (succeeded?.data.object as { id: string }).id;
    const part = await stripe.refunds.create({ payment_intent: piId, amount: 1000 });
    expect(part.amount).toBe(1000);
    await expect(stripe.refunds.create({ payment_intent: piId, amount: 4500 })).rejects.toMatchObject({
      code: "amount_too_large",
    });
    const pi = await stripe.paymentIntents.retrieve(piId, { expand: ["latest_charge"] });
    expect((pi.latest_charge as Stripe.Charge).amount_refunded).toBe(1000);
    expect((pi.latest_charge as Stripe.Charge).refunded).toBe(false);
  });
});

describe("sandbox control routes", () => {
  it("completes and expires sessions over HTTP and exposes recorded requests", async () => {
    const a = await stripe.checkout.sessions.create(sessionParams("bk_9"));
    const b = await stripe.checkout.sessions.create(sessionParams("bk_10"));
    const done = await fetch(`${sandbox.url}/__sandbox/checkout/sessions/${a.id}/complete`, {
      method: "POST",
      body: JSON.stringify({ paymentStatus: "unpaid" }),
    });
    const { events } = (await done.json()) as {
      events: Array<{ type: string; data: { object: { payment_status: string } } }>;
    };
    expect(events.map((e) => e.type)).toEqual(["checkout.session.completed"]);
    expect(events[0]?.data.object.payment_status).toBe("unpaid");
    const settled = await sandbox.settleAsyncPayment(a.id, "succeeded");
    expect(settled.map((e) => e.type)).toEqual(["checkout.session.async_payment_succeeded", "payment_intent.succeeded"]);

    const expired = await stripe.checkout.sessions.expire(b.id);
    expect(expired.status).toBe("expired");
    await sandbox.idle();
    expect(receiver.received.map((r) => (JSON.parse(r.rawBody) as { type: string }).type)).toEqual([
      "checkout.session.completed",
      "checkout.session.async_payment_succeeded",
      "payment_intent.succeeded",
      "checkout.session.expired",
    ]);
    const again = await fetch(`${sandbox.url}/__sandbox/checkout/sessions/${b.id}/complete`, { method: "POST" });
    expect(again.status).toBe(409);

    const listed = (await (await fetch(`${sandbox.url}/__sandbox/requests`)).json()) as unknown[];
    expect(listed.length).toBe(sandbox.requests.length);
    expect((await fetch(`${sandbox.url}/__sandbox/requests`, { method: "DELETE" })).status).toBe(200);
    expect(sandbox.requests).toHaveLength(0);
  });
});
