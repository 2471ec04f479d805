import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Stripe from "stripe";
import { signCalendlyPayload } from "@booking/provider-sandbox";
import { startTestDb, type TestDb } from "@/testing/harness";
import { handleCalendlyWebhook } from "./calendly-webhook";
import { handleStripeWebhook } from "./stripe-webhook";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => t.close());

const stripeSecret = () => process.env.STRIPE_WEBHOOK_SECRET!;
const calendlyKey = () => process.env.CALENDLY_WEBHOOK_SIGNING_KEY!;
const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${path}`, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });

const stripeEvent = (id: string, type = "checkout.session.completed") =>
  JSON.stringify(
    { id, object: "event", type, created: 1, livemode: false, data: { object: { id: "cs_test_x", payment_status: "paid", metadata: {} } } },
    null,
    2,
  );
const calendlyEvent = (uri: string, event = "invitee.created") =>
  JSON.stringify({ event, created_at: "2026-11-21T10:00:00.000000Z", payload: { uri } });
const stripeHeader = (payload: string, timestamp?: number) =>
  Stripe.webhooks.generateTestHeaderString({ payload, secret: stripeSecret(), ...(timestamp ? { timestamp } : {}) });

async function expectRejected(response: Response, message: RegExp) {
  expect(response.status).toBe(400);
  expect(((await response.json()) as { error: string }).error).toMatch(message);
  expect(await t.db.webhookEvent.count()).toBe(0);
}

describe("webhook signature verification: 400 with a message, nothing written", () => {
  it("rejects the deployment checklist's unsigned curl bodies", async () => {
    await expectRejected(
      await handleCalendlyWebhook(post("/api/webhooks/calendly", '{"event": "test", "payload": {}}')),
      /Missing Calendly-Webhook-Signature/,
    );
    await expectRejected(
      await handleStripeWebhook(post("/api/webhooks/stripe", '{"type": "test", "data": {}}')),
      /Missing Stripe-Signature/,
    );
  });

  it("rejects a Stripe event signed with another secret, a tampered body and a stale timestamp", async () => {
    const body = stripeEvent("evt_bad_1");
    const wrong = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: "whsec_other" });
    await expectRejected(await handleStripeWebhook(post("/api/webhooks/stripe", body, { "stripe-signature": wrong })), /signature/i);
    const tampered = body.replace("paid", "PAID");
    await expectRejected(
      await handleStripeWebhook(post("/api/webhooks/stripe", tampered, { "stripe-signature": stripeHeader(body) })),
      /signature/i,
    );
    // Re-serialising the body (losing Stripe's formatting) must also fail: only raw bytes verify.
    const reserialised = JSON.stringify(JSON.parse(body));
    await expectRejected(
      await handleStripeWebhook(post("/api/webhooks/stripe", reserialised, { "stripe-signature": stripeHeader(body) })),
      /signature/i,
    );
    const stale = stripeHeader(body, Math.floor(Date.now() / 1000) - 4 * 60);
    await expectRejected(
      await handleStripeWebhook(post("/api/webhooks/stripe", body, { "stripe-signature": stale })),
      /tolerance|timestamp/i,
    );
  });

  it("rejects a Calendly event with a bad, tampered, malformed or 4-minute-old signature", async () => {
    const body = calendlyEvent("https://api.calendly.com/scheduled_events/E1/invitees/I1");
    const now = Math.floor(Date.now() / 1000);
    const send = (raw: string, header: string) =>
      handleCalendlyWebhook(post("/api/webhooks/calendly", raw, { "calendly-webhook-signature": header }));
    await expectRejected(await send(body, signCalendlyPayload(body, "another-key", now)), /does not match/);
    await expectRejected(await send(body.replace("I1", "I2"), signCalendlyPayload(body, calendlyKey(), now)), /does not match/);
    await expectRejected(await send(body, "v1=abc"), /Malformed/);
    await expectRejected(await send(body, signCalendlyPayload(body, calendlyKey(), now - 4 * 60)), /too old/);
  });

  it("accepts a correctly signed event once, and records a redelivery as a duplicate of the same row", async () => {
    const body = stripeEvent("evt_good_1", "customer.created");
    const first = await handleStripeWebhook(post("/api/webhooks/stripe", body, { "stripe-signature": stripeHeader(body) }));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, duplicate: false });
    const again = await handleStripeWebhook(post("/api/webhooks/stripe", body, { "stripe-signature": stripeHeader(body) }));
    expect(await again.json()).toEqual({ received: true, duplicate: true });
    const rows = await t.db.webhookEvent.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ provider: "STRIPE", externalId: "evt_good_1", type: "customer.created" });

    const calendly = calendlyEvent("https://api.calendly.com/scheduled_events/E9/invitees/I9", "invitee_no_show.created");
    const ok = await handleCalendlyWebhook(
      post("/api/webhooks/calendly", calendly, { "calendly-webhook-signature": signCalendlyPayload(calendly, calendlyKey()) }),
    );
    expect(ok.status).toBe(200);
    const recorded = await t.db.webhookEvent.findFirstOrThrow({ where: { provider: "CALENDLY" } });
    expect(recorded.externalId).toBe("invitee_no_show.created:https://api.calendly.com/scheduled_events/E9/invitees/I9");
    await t.db.webhookEvent.deleteMany();
  });

  it("records a signed event whose strings carry NUL bytes (PostgreSQL cannot store them) instead of refusing it forever", async () => {
    const body = JSON.stringify({
      event: "invitee.created",
      created_at: "2026-11-21T10:00:00.000000Z",
      payload: { uri: "https://api.calendly.com/scheduled_events/E7/invitees/I7", name: "Nul\u0000Name", "k\u0000": ["a\u0000b"] },
    });
    const res = await handleCalendlyWebhook(
      post("/api/webhooks/calendly", body, { "calendly-webhook-signature": signCalendlyPayload(body, calendlyKey()) }),
    );
    expect(res.status).toBe(200);
    const recorded = await t.db.webhookEvent.findFirstOrThrow({ where: { provider: "CALENDLY" } });
    expect(recorded.payload).toMatchObject({ payload: { name: "NulName", k: ["ab"] } });
    await t.db.webhookEvent.deleteMany();
  });
});
