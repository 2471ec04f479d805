import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { stripeControl } from "./control-client";
import { startStripeSandbox } from "./stripe-sandbox";
import type { StripeSandbox } from "./stripe-sandbox";
import { startWebhookReceiver } from "./webhook-receiver";
import type { WebhookReceiver } from "./webhook-receiver";

// The list calls a reconciliation job makes, through stripe-node (its auto-pagination follows
// has_more with starting_after) against a fresh sandbox per test.

const SECRET = "whsec_sandbox_lists_secret";
let receiver: WebhookReceiver;
let sandbox: StripeSandbox;
let stripe: Stripe;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => receiver.close());
beforeEach(async () => {
  await sandbox?.close();
  sandbox = await startStripeSandbox({ webhookUrl: `${receiver.url}/api/webhooks/stripe`, webhookSecret: SECRET });
  stripe = new Stripe("sk_test_lists123", { ...sandbox.clientConfig(), maxNetworkRetries: 0 });
});
afterAll(async () => sandbox.close());

async function openSession(bookingId: string, amount = 4900): Promise<Stripe.Checkout.Session> {
  return stripe.checkout.sessions.create({
    mode: "payment",
    line_items: [{ price_data: { currency: "usd", unit_amount: amount, product_data: { name: "Session" } }, quantity: 1 }],
    client_reference_id: bookingId,
    metadata: { bookingId },
    payment_intent_data: { metadata: { bookingId } },
    success_url: "http://app.test/ok",
  });
}

async function all<T>(list: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of list) out.push(item);
  return out;
}

const listRequests = (path: string) => sandbox.requests.filter((r) => r.method === "GET" && r.path === path);

describe("list endpoints through stripe-node's auto-pagination", () => {
  it("pages checkout sessions newest first with starting_after until has_more is false", async () => {
    const created: string[] = [];
    for (let i = 0; i < 23; i++) created.push((await openSession(`bk_${i}`)).id);

    const firstPage = await stripe.checkout.sessions.list({ limit: 10 });
    expect(firstPage).toMatchObject({ object: "list", has_more: true, url: "/v1/checkout/sessions" });
    expect(firstPage.data.map((s) => s.id)).toEqual(created.slice(-10).reverse());

    sandbox.clearRequests();
    const listed = await all(stripe.checkout.sessions.list({ limit: 10 }));
    expect(listed.map((s) => s.id)).toEqual([...created].reverse());
    const pages = listRequests("/v1/checkout/sessions");
    expect(pages).toHaveLength(3);
    expect(pages.map((r) => r.body.starting_after)).toEqual([undefined, created[13], created[3]]);

    // ending_before walks back towards the newest.
    const back = await stripe.checkout.sessions.list({ limit: 5, ending_before: created[10] });
    expect(back.data.map((s) => s.id)).toEqual(created.slice(11, 16).reverse());
    expect(back.has_more).toBe(true);
  });

  it("filters by created range and status, and expands data.payment_intent", async () => {
    const old = await openSession("bk_old");
    const paid = await openSession("bk_paid");
    await openSession("bk_open");
    // Backdate one session: the sandbox's clock is the wall clock.
    const record = sandbox.state.sessions.get(old.id);
    if (!record) throw new Error("missing session");
    record.session.created -= 4 * 86_400;
    await sandbox.completeCheckout(paid.id, { deliver: false });

    const since = Math.floor(Date.now() / 1000) - 3 * 86_400;
    const recent = await all(stripe.checkout.sessions.list({ created: { gte: since }, limit: 100 }));
    expect(recent.map((s) => s.client_reference_id).sort()).toEqual(["bk_open", "bk_paid"]);
    const before = await all(stripe.checkout.sessions.list({ created: { lt: since } }));
    expect(before.map((s) => s.id)).toEqual([old.id]);

    const complete = await stripe.checkout.sessions.list({ status: "complete", expand: ["data.payment_intent"] });
    expect(complete.data).toHaveLength(1);
    expect(complete.data[0]?.payment_intent).toMatchObject({ object: "payment_intent", status: "succeeded", amount_received: 4900 });
  });

  it("lists payment intents and refunds, refunds filtered by payment_intent", async () => {
    const a = await openSession("bk_a", 4900);
    const b = await openSession("bk_b", 2500);
    await sandbox.completeCheckout(a.id, { deliver: false });
    await sandbox.completeCheckout(b.id, { deliver: false });
    const intents = await all(stripe.paymentIntents.list({ limit: 1 }));
    expect(intents.map((pi) => pi.metadata.bookingId)).toEqual(["bk_b", "bk_a"]);
    const piA = intents[1]?.id ?? "";

    await stripe.refunds.create({ payment_intent: piA, amount: 1000 });
    // A refund made in the Dashboard, not through the API the app calls.
    const { refund } = await sandbox.refundInDashboard(piA, { amount: 900, deliver: false });
    expect(refund).toMatchObject({ amount: 900, payment_intent: piA, status: "succeeded" });

    const ofA = await all(stripe.refunds.list({ payment_intent: piA }));
    expect(ofA.map((r) => r.amount)).toEqual([900, 1000]);
    expect(await all(stripe.refunds.list({ payment_intent: intents[0]?.id ?? "" }))).toEqual([]);
    expect(sandbox.state.charges.get(sandbox.getPaymentIntent(piA)?.latest_charge ?? "")?.amount_refunded).toBe(1900);
  });
});

describe("events with delivery_success", () => {
  it("lists events the endpoint has not acknowledged, until a delivery succeeds", async () => {
    const session = await openSession("bk_events");
    sandbox.failNextDeliveries(1);
    const [completed, succeeded] = await sandbox.completeCheckout(session.id);
    expect(sandbox.deliveries.map((d) => [d.type, d.status])).toEqual([
      ["checkout.session.completed", 0],
      ["payment_intent.succeeded", 200],
    ]);

    const missed = await all(stripe.events.list({ delivery_success: false }));
    expect(missed.map((e) => e.id)).toEqual([completed?.id]);
    expect(missed[0]).toMatchObject({ type: "checkout.session.completed", pending_webhooks: 1, data: { object: { id: session.id } } });
    const ok = await all(stripe.events.list({ delivery_success: true }));
    expect(ok.map((e) => e.id)).toEqual([succeeded?.id]);

    // A receiver answering 500 is a failed delivery too; a later 2xx clears it.
    receiver.respondWith([500]);
    await sandbox.deliver(completed!);
    expect((await stripe.events.list({ delivery_success: false })).data).toHaveLength(1);
    await sandbox.deliver(completed!);
    expect((await stripe.events.list({ delivery_success: false })).data).toEqual([]);
  });

  it("counts events that were never sent as undelivered, and filters by type and created", async () => {
    sandbox.autoDeliver = false;
    const session = await openSession("bk_held");
    await sandbox.completeCheckout(session.id);
    const missed = await all(stripe.events.list({ delivery_success: false, type: "payment_intent.*" }));
    expect(missed.map((e) => e.type)).toEqual(["payment_intent.succeeded"]);
    const both = await all(stripe.events.list({ types: ["checkout.session.completed", "payment_intent.succeeded"] }));
    expect(both).toHaveLength(2);
    const future = Math.floor(Date.now() / 1000) + 60;
    expect((await stripe.events.list({ created: { gte: future } })).data).toEqual([]);

    // Stripe believes the app has it (say, a database restored from before it arrived).
    const control = stripeControl(sandbox.url);
    await control.markDelivered(missed[0]!.id);
    expect((await stripe.events.list({ delivery_success: false })).data.map((e) => e.type)).toEqual(["checkout.session.completed"]);
  });

  it("events created while no endpoint is configured are not pending", async () => {
    sandbox.webhookUrl = undefined;
    await sandbox.completeCheckout((await openSession("bk_no_endpoint")).id);
    expect((await stripe.events.list({ delivery_success: false })).data).toEqual([]);
    expect((await stripe.events.list({ delivery_success: true })).data).toHaveLength(2);
  });
});

describe("list errors are Stripe's", () => {
  it("refuses a bad limit, an unknown parameter, an unknown cursor and both cursors", async () => {
    const invalid = (p: Promise<unknown>) =>
      p.then(
        () => expect.unreachable("should fail"),
        (e: unknown) => e as Stripe.errors.StripeError,
      );
    const tooMany = await invalid(stripe.checkout.sessions.list({ limit: 101 }));
    expect(tooMany).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(tooMany).toMatchObject({ statusCode: 400, param: "limit" });

    const unknownParam = await invalid(stripe.refunds.list({ colour: "red" } as Stripe.RefundListParams));
    expect(unknownParam).toMatchObject({ statusCode: 400, param: "colour", message: "Received unknown parameter: colour" });

    const cursor = await invalid(stripe.paymentIntents.list({ starting_after: "pi_missing" }));
    expect(cursor).toMatchObject({ statusCode: 400, code: "resource_missing", param: "starting_after" });

    const both = await invalid(stripe.events.list({ starting_after: "evt_a", ending_before: "evt_b" }));
    expect(both).toMatchObject({ statusCode: 400 });

    const notBoolean = await invalid(stripe.events.list({ delivery_success: "maybe" as unknown as boolean }));
    expect(notBoolean).toMatchObject({ statusCode: 400, param: "delivery_success" });
  });

  it("control routes seed outages and dashboard refunds over HTTP", async () => {
    const control = stripeControl(sandbox.url);
    const session = await openSession("bk_control");
    await control.failNextDeliveries(2);
    const events = await control.pay(session.id);
    expect((await control.deliveries()).map((d) => d.status)).toEqual([0, 0]);
    const pi = events[1]?.data.object.id as string;
    const refunded = await control.dashboardRefund(pi, { amount: 100 });
    expect(refunded.refund).toMatchObject({ amount: 100, payment_intent: pi });
    expect(refunded.events.map((e) => e.type)).toEqual(["charge.refunded"]);
    expect(receiver.received.at(-1)?.rawBody).toContain(refunded.events[0]?.id);
    await expect(control.dashboardRefund("pi_nope")).rejects.toMatchObject({ status: 400 });
    await expect(control.markDelivered("evt_nope")).rejects.toMatchObject({ status: 404 });
  });
});
