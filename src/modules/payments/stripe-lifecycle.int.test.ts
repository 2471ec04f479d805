import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StripeEvent } from "@booking/provider-sandbox";
import { eventually, startProviderHarness, type ProviderHarness } from "@/testing/provider-harness";
import { bookingState, outboxKinds, paidBookingWithCheckout } from "@/testing/booking-fixtures";
import { callerFor } from "@/testing/harness";
import { runSweep } from "@/server/jobs/sweep";
import { processWebhookEvent } from "@/modules/webhooks/process-webhook-event";
import { recordWebhookEvent } from "@/modules/webhooks/record-webhook-event";

let h: ProviderHarness;
beforeAll(async () => {
  h = await startProviderHarness();
  h.stripe.autoDeliver = false;
  await h.startWorkers();
});
afterAll(async () => h.close());

const mailsTo = (email: string) => h.sendgrid.messages.filter((m) => JSON.stringify(m.body.personalizations).includes(email));
const subjects = (email: string) =>
  mailsTo(email)
    .map((m) => String(m.body.subject).split(":")[0])
    .sort();
const refundCalls = (bookingId: string) =>
  h.stripe.requests.filter((r) => r.method === "POST" && r.path === "/v1/refunds" && r.idempotencyKey === `refund:${bookingId}`);

/** Sends the same signed bytes n times at once, like a provider retrying into a slow endpoint. */
async function deliverConcurrently(event: StripeEvent, times: number) {
  const raw = JSON.stringify(event, null, 2);
  const header = h.stripe.signPayload(raw);
  return Promise.all(
    Array.from({ length: times }, () =>
      fetch(`${h.appUrl}/api/webhooks/stripe`, {
        method: "POST",
        body: raw,
        headers: { "stripe-signature": header, "content-type": "application/json" },
      }).then((r) => r.status),
    ),
  );
}

/** Outbox rows owed now and not yet delivered: a reminder waiting for its day is not owed yet. */
const duePending = (bookingId: string) =>
  h.db.outboxMessage.findMany({ where: { bookingId, status: "PENDING", availableAt: { lte: new Date() } }, select: { kind: true } });

/** Events applied first (they write the outbox rows), then every row they owe now delivered. */
async function settled(bookingId: string) {
  await eventually(async () => expect(await h.db.webhookEvent.count({ where: { status: { in: ["RECEIVED", "FAILED"] } } })).toBe(0));
  await eventually(async () => expect(await duePending(bookingId)).toEqual([]));
}

describe("Stripe Checkout and the payment lifecycle", () => {
  it("creates Checkout from the booking's own price snapshot with the deterministic idempotency key", async () => {
    const { booking, next, checkoutSessionId } = await paidBookingWithCheckout(h.db, { priceCents: 7300 });
    expect(next).toMatchObject({ kind: "checkout" });
    const call = h.stripe.requests.find((r) => r.path === "/v1/checkout/sessions" && r.idempotencyKey === `checkout:${booking.id}`);
    expect(call).toBeDefined();
    expect(call?.body).toMatchObject({
      mode: "payment",
      client_reference_id: booking.id,
      metadata: { bookingId: booking.id },
      payment_intent_data: { metadata: { bookingId: booking.id } },
      customer_email: booking.clientEmail,
      expires_at: String(Math.floor(booking.holdExpiresAt!.getTime() / 1000)),
      line_items: [{ quantity: "1", price_data: { currency: "usd", unit_amount: "7300" } }],
    });
    // The hold lasts at least Stripe's 30-minute minimum.
    expect(booking.holdExpiresAt!.getTime() - booking.createdAt.getTime()).toBeGreaterThanOrEqual(30 * 60_000);
    expect(checkoutSessionId).toMatch(/^cs_/);
    // Resuming payment returns the same Checkout Session: same key, same parameters.
    const resumed = await callerFor(h.db, booking.clientId).booking.checkout({ id: booking.id });
    expect(resumed.url).toBe(next.kind === "checkout" ? next.url : "");
  });

  it("confirms once when the same completed event arrives 5 times at once: one transition, one email of each kind", async () => {
    const { booking, checkoutSessionId } = await paidBookingWithCheckout(h.db);
    const [completed] = await h.stripe.completeCheckout(checkoutSessionId, { deliver: false });
    const statuses = await deliverConcurrently(completed!, 5);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    await settled(booking.id);
    expect(await bookingState(h.db, booking.id)).toEqual({ status: "CONFIRMED", paymentStatus: "PAID" });
    expect(await h.db.webhookEvent.count({ where: { externalId: completed!.id } })).toBe(1);
    await eventually(async () => expect(subjects(booking.clientEmail)).toEqual(["Confirmed", "Receipt"]));
  });

  it("converges when checkout.session.completed and payment_intent.succeeded arrive in either order, even concurrently", async () => {
    for (const order of ["completed-first", "intent-first", "concurrent"] as const) {
      const { booking, checkoutSessionId } = await paidBookingWithCheckout(h.db);
      const events = await h.stripe.completeCheckout(checkoutSessionId, { deliver: false });
      const completed = events.find((e) => e.type === "checkout.session.completed")!;
      const intent = events.find((e) => e.type === "payment_intent.succeeded")!;
      if (order === "concurrent") await Promise.all([deliverConcurrently(completed, 1), deliverConcurrently(intent, 1)]);
      else for (const e of order === "completed-first" ? [completed, intent] : [intent, completed]) await h.stripe.deliver(e);
      await settled(booking.id);
      expect(await bookingState(h.db, booking.id), order).toEqual({ status: "CONFIRMED", paymentStatus: "PAID" });
      await eventually(async () => expect(subjects(booking.clientEmail), order).toEqual(["Confirmed", "Receipt"]));
    }
  });

  it("does not confirm payment_status unpaid; the async success confirms; an async failure sends nothing", async () => {
    const { booking, checkoutSessionId } = await paidBookingWithCheckout(h.db);
    for (const e of await h.stripe.completeCheckout(checkoutSessionId, { paymentStatus: "unpaid", deliver: false }))
      await h.stripe.deliver(e);
    await settled(booking.id);
    expect(await bookingState(h.db, booking.id)).toEqual({ status: "PENDING", paymentStatus: "UNPAID" });
    for (const e of await h.stripe.settleAsyncPayment(checkoutSessionId, "succeeded", { deliver: false })) await h.stripe.deliver(e);
    await settled(booking.id);
    expect(await bookingState(h.db, booking.id)).toEqual({ status: "CONFIRMED", paymentStatus: "PAID" });

    const failing = await paidBookingWithCheckout(h.db);
    for (const e of await h.stripe.completeCheckout(failing.checkoutSessionId, { paymentStatus: "unpaid", deliver: false }))
      await h.stripe.deliver(e);
    for (const e of await h.stripe.settleAsyncPayment(failing.checkoutSessionId, "failed", { deliver: false })) await h.stripe.deliver(e);
    await settled(failing.booking.id);
    expect(await bookingState(h.db, failing.booking.id)).toEqual({ status: "PENDING", paymentStatus: "FAILED" });
    expect(await outboxKinds(h.db, failing.booking.id)).toEqual([]);
  });

  it("never confirms a payment whose amount differs from the price, and flags it for operators", async () => {
    const { booking, checkoutSessionId } = await paidBookingWithCheckout(h.db, { priceCents: 5000 });
    const [completed] = await h.stripe.completeCheckout(checkoutSessionId, { amountTotal: 500, deliver: false });
    await h.stripe.deliver(completed!);
    await settled(booking.id);
    const after = await h.db.booking.findUniqueOrThrow({ where: { id: booking.id } });
    expect(after.status).toBe("PENDING");
    expect(after.paymentStatus).toBe("UNPAID");
    expect(after.attentionReason).toMatch(/does not match/);
    expect(await outboxKinds(h.db, booking.id)).toEqual([]);
  });

  it("cancels the hold on checkout.session.expired (PAYMENT_EXPIRED, only the hold-expired email) and frees the slot", async () => {
    const { booking, checkoutSessionId, type, client } = await paidBookingWithCheckout(h.db);
    for (const e of await h.stripe.expireCheckout(checkoutSessionId, { deliver: false })) await h.stripe.deliver(e);
    await settled(booking.id);
    expect(await h.db.booking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({
      status: "CANCELLED",
      cancellationReason: "PAYMENT_EXPIRED",
    });
    // Never confirmed: no confirmation or cancellation, only word that the payment window closed.
    expect(await outboxKinds(h.db, booking.id)).toEqual(["EMAIL_HOLD_EXPIRED"]);
    await eventually(async () => expect(subjects(booking.clientEmail)).toEqual(["Payment window expired"]));
    const again = await callerFor(h.db, client.id).booking.create({ sessionTypeId: type.id, startTime: booking.startTime });
    expect(again.booking.status).toBe("PENDING");
  });

  it("refunds exactly once a payment that lands after the hold expired (sweep), and keeps the booking cancelled", async () => {
    const { booking, checkoutSessionId } = await paidBookingWithCheckout(h.db);
    // The client pays at the last moment, but Stripe's events arrive after our sweep ran.
    const paid = await h.stripe.completeCheckout(checkoutSessionId, { deliver: false });
    await h.db.booking.update({ where: { id: booking.id }, data: { holdExpiresAt: new Date(Date.now() - 1000) } });
    expect((await runSweep(h.db)).expired).toBeGreaterThanOrEqual(1);
    expect(await h.db.booking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({
      status: "CANCELLED",
      cancellationReason: "PAYMENT_EXPIRED",
    });
    for (const e of [...paid, ...paid]) await h.stripe.deliver(e);
    await settled(booking.id);
    await eventually(async () => expect(await bookingState(h.db, booking.id)).toEqual({ status: "CANCELLED", paymentStatus: "REFUNDED" }));
    expect(refundCalls(booking.id)).toHaveLength(1);
    expect(refundCalls(booking.id)[0]?.body).toMatchObject({
      payment_intent: expect.stringMatching(/^pi_/),
      amount: String(booking.priceCents),
    });
    // Told the window closed (the sweep's cancellation) and of the refund; never "Confirmed".
    await eventually(async () => expect(subjects(booking.clientEmail)).toEqual(["Payment window expired", "Refund issued"]));
  });

  it("refunds a cancelled paid booking per the policy: in full at least 24 hours ahead, nothing later", async () => {
    const early = await paidBookingWithCheckout(h.db, { priceCents: 6000 });
    for (const e of await h.stripe.completeCheckout(early.checkoutSessionId, { deliver: false })) await h.stripe.deliver(e);
    await settled(early.booking.id);
    await callerFor(h.db, early.client.id).booking.cancel({ id: early.booking.id, reason: "Cannot make it" });
    await settled(early.booking.id);
    await eventually(async () => expect(refundCalls(early.booking.id)).toHaveLength(1));
    expect(refundCalls(early.booking.id)[0]?.body).toMatchObject({ amount: "6000" });
    await eventually(async () =>
      expect(await bookingState(h.db, early.booking.id)).toEqual({ status: "CANCELLED", paymentStatus: "REFUNDED" }),
    );

    const late = await paidBookingWithCheckout(h.db);
    for (const e of await h.stripe.completeCheckout(late.checkoutSessionId, { deliver: false })) await h.stripe.deliver(e);
    await settled(late.booking.id);
    // Time passes: the session is now 3 hours away (a booking made "today" at a fixed hour is
    // in the past for part of every day, and booking.create refuses it).
    const startTime = new Date(Date.now() + 3 * 3_600_000);
    const duration = late.booking.endTime.getTime() - late.booking.startTime.getTime();
    await h.db.booking.update({ where: { id: late.booking.id }, data: { startTime, endTime: new Date(startTime.getTime() + duration) } });
    await callerFor(h.db, late.client.id).booking.cancel({ id: late.booking.id });
    await settled(late.booking.id);
    expect(refundCalls(late.booking.id)).toHaveLength(0);
    expect(await bookingState(h.db, late.booking.id)).toEqual({ status: "CANCELLED", paymentStatus: "PAID" });
    await eventually(async () => expect(subjects(late.booking.clientEmail)).toEqual(["Cancelled", "Confirmed", "Receipt"]));
  });

  it("records an unknown event type as ignored and changes nothing", async () => {
    const event = h.stripe.buildEvent("customer.subscription.created", { id: "sub_1", object: "subscription" });
    expect(await h.stripe.deliver(event)).toBe(200);
    await eventually(async () =>
      expect((await h.db.webhookEvent.findFirstOrThrow({ where: { externalId: event.id } })).status).toBe("IGNORED"),
    );
  });

  it("closes the Checkout Session when an unpaid hold is cancelled, so it can no longer be paid", async () => {
    const { booking, checkoutSessionId, client } = await paidBookingWithCheckout(h.db);
    await callerFor(h.db, client.id).booking.cancel({ id: booking.id, reason: "Changed my mind" });
    await settled(booking.id);
    await eventually(async () => expect(await outboxKinds(h.db, booking.id, "SENT")).toEqual(["STRIPE_EXPIRE_CHECKOUT"]));
    expect(h.stripe.requests.filter((r) => r.path === `/v1/checkout/sessions/${checkoutSessionId}/expire`)).toHaveLength(1);
    expect(h.stripe.getCheckoutSession(checkoutSessionId)?.status).toBe("expired");
    // No email for a booking that was never confirmed.
    expect(subjects(booking.clientEmail)).toEqual([]);
  });

  it("never keeps money when a payment and the client's cancellation are applied at the same moment", async () => {
    for (let round = 0; round < 8; round++) {
      const { booking, checkoutSessionId, client } = await paidBookingWithCheckout(h.db);
      const events = await h.stripe.completeCheckout(checkoutSessionId, { deliver: false });
      const completed = events.find((e) => e.type === "checkout.session.completed")!;
      // Record the event without the queue, then apply it and the cancellation concurrently.
      const { id } = await recordWebhookEvent(h.db, {
        provider: "STRIPE",
        externalId: completed.id,
        type: completed.type,
        payload: completed as never,
      });
      await Promise.all([
        processWebhookEvent(h.db, {
          eventId: id,
          holdMinutes: 30,
          manageTokenSecret: "s".repeat(32),
          refundPolicy: { fullRefundHoursBefore: 24 },
        }),
        callerFor(h.db, client.id).booking.cancel({ id: booking.id, reason: "Race" }),
      ]);
      await settled(booking.id);
      await eventually(async () =>
        expect(await bookingState(h.db, booking.id), `round ${round}`).toEqual({ status: "CANCELLED", paymentStatus: "REFUNDED" }),
      );
      expect(refundCalls(booking.id)).toHaveLength(1);
    }
  });
});
