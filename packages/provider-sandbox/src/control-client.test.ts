import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SandboxControlError, sandboxControl } from "./control-client";
import type { SandboxControl } from "./control-client";
import { startAllSandboxes } from "./start";
import type { RunningSandboxes } from "./start";
import { startWebhookReceiver } from "./webhook-receiver";
import type { WebhookReceiver } from "./webhook-receiver";

let all: RunningSandboxes;
let receiver: WebhookReceiver;
let control: SandboxControl;

/** 10:00 UTC on the first Tuesday at least two days ahead (a sandbox Calendly slot). */
function tuesdayAt(hour: number): string {
  const d = new Date(Date.now() + 2 * 86_400_000);
  d.setUTCHours(0, 0, 0, 0);
  while (d.getUTCDay() !== 2) d.setUTCDate(d.getUTCDate() + 1);
  return new Date(d.getTime() + hour * 3_600_000).toISOString();
}

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  all = await startAllSandboxes({ stripePort: 0, sendgridPort: 0, calendlyPort: 0, appBaseUrl: receiver.url });
  control = sandboxControl(all.urls);
});
afterAll(async () => {
  await all.close();
  await receiver.close();
});
beforeEach(() => {
  receiver.received.length = 0;
});

describe("sandboxControl", () => {
  it("stripe: pays a Checkout Session (signed events delivered), reads it back, lists events and deliveries", async () => {
    const stripe = new Stripe("sk_test_control", { ...all.stripe.clientConfig(), maxNetworkRetries: 0 });
    const session = await stripe.checkout.sessions.create({
      mode: "payment",
      line_items: [{ price_data: { currency: "usd", unit_amount: 1500, product_data: { name: "Call" } }, quantity: 1 }],
      metadata: { bookingId: "bk_c1" },
      success_url: "http://app.test/ok",
    });
    const events = await control.stripe.pay(session.id);
    expect(events.map((e) => e.type)).toEqual(["checkout.session.completed", "payment_intent.succeeded"]);
    expect(receiver.received.map((r) => r.path)).toEqual(["/api/webhooks/stripe", "/api/webhooks/stripe"]);
    expect(await control.stripe.checkoutSession(session.id)).toMatchObject({ status: "complete", payment_status: "paid" });
    expect((await control.stripe.events()).map((e) => e.id)).toEqual(expect.arrayContaining(events.map((e) => e.id)));
    const deliveries = await control.stripe.deliveries();
    expect(deliveries.at(-1)).toMatchObject({ eventId: events[1]?.id, status: 200 });
    expect(typeof deliveries.at(-1)?.at).toBe("string");
    expect(await control.stripe.redeliver(events[0]?.id ?? "")).toBe(200);
    const sent = await control.stripe.sendEvent("charge.dispute.created", { id: "dp_1" }, { deliver: false });
    expect(sent).toMatchObject({ event: { type: "charge.dispute.created" }, status: null });
    expect((await control.stripe.requests()).at(-1)).toMatchObject({ method: "POST", path: "/v1/checkout/sessions" });
    await control.stripe.clearRequests();
    expect(all.stripe.requests).toHaveLength(0);

    const other = await stripe.checkout.sessions.create({
      mode: "payment",
      line_items: [{ price_data: { currency: "usd", unit_amount: 1500, product_data: { name: "Call" } }, quantity: 1 }],
    });
    expect((await control.stripe.expire(other.id, { deliver: false })).map((e) => e.type)).toEqual(["checkout.session.expired"]);
    const error = await control.stripe.pay(other.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SandboxControlError);
    expect((error as SandboxControlError).status).toBe(409);
  });

  it("sendgrid: filters messages by recipient, clears them, injects failures", async () => {
    const send = (to: string): Promise<Response> =>
      fetch(`${all.urls.sendgrid}/v3/mail/send`, {
        method: "POST",
        headers: { Authorization: "Bearer SG.control", "Content-Type": "application/json" },
        body: JSON.stringify({
          personalizations: [{ to: [{ email: to }] }],
          from: { email: "noreply@example.com" },
          subject: `Hello ${to}`,
          content: [{ type: "text/plain", value: "Hi" }],
        }),
      });
    expect((await send("a+1@example.com")).status).toBe(202);
    expect((await send("b@example.com")).status).toBe(202);
    const mine = await control.sendgrid.messages("a+1@example.com");
    expect(mine.map((m) => m.body.subject)).toEqual(["Hello a+1@example.com"]);
    expect(await control.sendgrid.messages()).toHaveLength(2);
    await control.sendgrid.failNext([503]);
    expect((await send("b@example.com")).status).toBe(503);
    expect((await control.sendgrid.attempts()).map((a) => a.status)).toEqual([202, 202, 503]);
    await expect(control.sendgrid.failNext([200])).rejects.toMatchObject({ status: 400 });
    await control.sendgrid.clearMessages();
    expect(await control.sendgrid.messages()).toEqual([]);
  });

  it("calendly: adds an event type, schedules, cancels and reschedules invitees, reads state and deliveries", async () => {
    const et = await control.calendly.addEventType({ name: "Pairing", slug: "pairing", durationMinutes: 30 });
    expect(et.scheduling_url).toBe(`${all.urls.calendly}/sandbox/pairing`);
    const scheduled = await control.calendly.scheduleInvitee({
      eventTypeUri: et.uri,
      startTime: tuesdayAt(10),
      name: "Ada",
      email: "ada@example.com",
      utmContent: "bk_c2",
    });
    expect(scheduled.deliveryStatus).toBe(200);
    const invitees = await control.calendly.invitees();
    expect(invitees.find((i) => i.tracking.utm_content === "bk_c2")).toMatchObject({ uri: scheduled.invitee.uri, status: "active" });
    const moved = await control.calendly.rescheduleInvitee(scheduled.invitee.uri, tuesdayAt(11), { deliver: false });
    expect(moved.deliveryStatuses).toEqual([]);
    const canceled = await control.calendly.cancelInvitee(moved.newInvitee.uri, { reason: "Conflict", canceler_type: "invitee" });
    expect(canceled.invitee).toMatchObject({ status: "canceled", cancellation: { reason: "Conflict", canceler_type: "invitee" } });
    expect(await control.calendly.deliver(canceled.webhook.rawBody)).toBe(200);
    const deliveries = (await control.calendly.deliveries()).filter((d) => d.eventId === moved.newInvitee.uri);
    expect(deliveries.map((d) => [d.type, d.status])).toEqual([
      ["invitee.canceled", 200],
      ["invitee.canceled", 200],
    ]);
    const state = await control.calendly.state();
    expect(state.eventTypes.map((e) => e.slug)).toContain("pairing");
    expect(state.user.uri).toBe(all.calendly.user.uri);
    await control.calendly.clearRequests();
    expect(await control.calendly.requests()).toEqual([]);
    await expect(control.calendly.cancelInvitee("nope")).rejects.toMatchObject({ status: 404 });
  });
});
