import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/cron/[job]/route";
import { reconcilePayments } from "@/modules/reconciliation/reconcile-payments";
import { runReconciliation } from "@/server/cron/reconcile";
import { stripeLedger } from "@/server/providers/stripe-gateway";
import { bookingState, paidBookingWithCheckout } from "@/testing/booking-fixtures";
import { useProviderBases } from "@/testing/harness";
import { eventually, startProviderHarness, type ProviderHarness } from "@/testing/provider-harness";

// Real PostgreSQL, the real stripe-node against the Stripe sandbox, the app's webhook route over
// HTTP and the job workers: each mismatch is seeded in the sandbox the way it happens in
// production (an event Stripe thinks we have, a Dashboard refund, a different amount, an outage).

let h: ProviderHarness;
beforeAll(async () => {
  h = await startProviderHarness();
  await h.startWorkers();
});
afterAll(async () => h.close());

const attention = async (id: string) =>
  h.db.booking.findUniqueOrThrow({ where: { id }, select: { attentionReason: true, attentionRaisedAt: true } });

/** Until nothing waits in the inbox: the app has applied everything it heard. */
async function quiet() {
  await eventually(async () => expect(await h.db.webhookEvent.count({ where: { status: { in: ["RECEIVED", "FAILED"] } } })).toBe(0));
}

/** Paid in the sandbox, its events delivered and applied: the booking and Stripe agree. */
async function paidAndConfirmed(priceCents = 4900) {
  const seeded = await paidBookingWithCheckout(h.db, { priceCents });
  await h.stripe.completeCheckout(seeded.checkoutSessionId);
  await eventually(async () => expect(await bookingState(h.db, seeded.booking.id)).toEqual({ status: "CONFIRMED", paymentStatus: "PAID" }));
  await quiet();
  const { stripePaymentIntentId } = await h.db.booking.findUniqueOrThrow({ where: { id: seeded.booking.id } });
  return { ...seeded, paymentIntentId: stripePaymentIntentId! };
}

/** Stripe changed and believes the app heard (a restored database, an endpoint that lost a 2xx'd event). */
function unheard(events: { id: string }[]) {
  for (const event of events) h.stripe.markDelivered(event.id);
}

describe("reconciliation flags each kind of mismatch and nothing else", () => {
  it("leaves a booking that agrees with Stripe alone, and records the run", async () => {
    const { booking } = await paidAndConfirmed();
    const result = await runReconciliation(h.db);
    expect(await attention(booking.id)).toEqual({ attentionReason: null, attentionRaisedAt: null });
    const run = await h.db.reconciliationRun.findUniqueOrThrow({ where: { id: result.runId } });
    expect(run).toMatchObject({ error: null, checked: result.checked, mismatches: result.mismatches, missedEvents: 0 });
    expect(run.finishedAt).not.toBeNull();
    expect(run.checked).toBeGreaterThanOrEqual(1);
    // Three days back by default (RECONCILE_WINDOW_DAYS).
    expect(run.startedAt.getTime() - run.windowStart.getTime()).toBe(3 * 86_400_000);
  });

  it("paid in Stripe but not recorded here: flagged, status and money untouched", async () => {
    const { booking, checkoutSessionId } = await paidBookingWithCheckout(h.db);
    unheard(await h.stripe.completeCheckout(checkoutSessionId, { deliver: false }));
    const result = await runReconciliation(h.db);
    const flag = await attention(booking.id);
    expect(flag.attentionReason).toMatch(
      /^Stripe reconciliation: paid in Stripe \(49\.00 USD, payment pi_\w+\) but not recorded as paid here\.$/,
    );
    expect(flag.attentionRaisedAt).not.toBeNull();
    expect(await bookingState(h.db, booking.id)).toEqual({ status: "PENDING", paymentStatus: "UNPAID" });
    expect(await h.db.booking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({
      amountPaidCents: null,
      refundedCents: null,
    });
    expect(result.byKind["paid-not-recorded"]).toBeGreaterThanOrEqual(1);

    // The next run finds the same thing and repeats nothing.
    await runReconciliation(h.db);
    expect(await attention(booking.id)).toEqual(flag);
  });

  it("recorded as paid here but not paid in Stripe: flagged", async () => {
    const { booking } = await paidBookingWithCheckout(h.db);
    // As a hand edit or a bug would leave it: the Checkout Session is still open in Stripe.
    await h.db.booking.update({ where: { id: booking.id }, data: { status: "CONFIRMED", paymentStatus: "PAID", amountPaidCents: 4900 } });
    await runReconciliation(h.db);
    expect((await attention(booking.id)).attentionReason).toBe(
      "Stripe reconciliation: recorded as paid here (PAID), but Stripe has no successful payment for it.",
    );
    expect(await bookingState(h.db, booking.id)).toEqual({ status: "CONFIRMED", paymentStatus: "PAID" });
  });

  it("refunded in Stripe (the Dashboard) but not here: flagged", async () => {
    const { booking, paymentIntentId } = await paidAndConfirmed();
    const { events } = await h.stripe.refundInDashboard(paymentIntentId, { amount: 1500, deliver: false });
    unheard(events);
    await runReconciliation(h.db);
    expect((await attention(booking.id)).attentionReason).toBe(
      `Stripe reconciliation: refunded 15.00 USD in Stripe (payment ${paymentIntentId}), not recorded here.`,
    );
    expect(await h.db.booking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({
      paymentStatus: "PAID",
      refundedCents: null,
    });
  });

  it("a refunded amount that differs: flagged", async () => {
    const { booking, paymentIntentId } = await paidAndConfirmed();
    // A partial Dashboard refund, delivered and applied (REFUNDED, 10.00), then a second one Stripe thinks we heard.
    await h.stripe.refundInDashboard(paymentIntentId, { amount: 1000 });
    await eventually(async () => expect(await bookingState(h.db, booking.id)).toMatchObject({ paymentStatus: "REFUNDED" }));
    await quiet();
    unheard((await h.stripe.refundInDashboard(paymentIntentId, { amount: 500, deliver: false })).events);
    await runReconciliation(h.db);
    expect((await attention(booking.id)).attentionReason).toBe(
      "Stripe reconciliation: refunded 15.00 USD in Stripe, 10.00 USD recorded here.",
    );
  });

  it("an amount that differs: the flag applyPayment raised is kept and the findings appended", async () => {
    const { booking, checkoutSessionId } = await paidBookingWithCheckout(h.db);
    await h.stripe.completeCheckout(checkoutSessionId, { amountTotal: 5000 });
    await eventually(async () => expect((await attention(booking.id)).attentionReason).toMatch(/does not match the price/));
    await quiet();
    const first = await attention(booking.id);
    await runReconciliation(h.db);
    const after = await attention(booking.id);
    expect(after.attentionReason?.split("\n")).toEqual([
      first.attentionReason,
      expect.stringMatching(/^Stripe reconciliation: paid in Stripe \(50\.00 USD/),
      "Stripe reconciliation: Stripe charged 50.00 USD, the booking's price is 49.00 USD.",
    ]);
    // applyPayment's flag carries no time; the first flag that does dates it (flag-attention.int.test.ts: kept after that).
    expect(after.attentionRaisedAt).not.toBeNull();
    expect(await bookingState(h.db, booking.id)).toEqual({ status: "PENDING", paymentStatus: "UNPAID" });
  });
});

describe("missed Stripe events", () => {
  it("are fed to the inbox once, however many runs, and processed like a delivery", async () => {
    const { booking, checkoutSessionId } = await paidBookingWithCheckout(h.db);
    h.stripe.failNextDeliveries(2);
    const events = await h.stripe.completeCheckout(checkoutSessionId);
    expect(h.stripe.deliveries.slice(-2).map((d) => d.status)).toEqual([0, 0]);
    expect(await h.db.webhookEvent.count({ where: { externalId: { in: events.map((e) => e.id) } } })).toBe(0);

    const first = await runReconciliation(h.db);
    expect(first.missedEvents).toBe(2);
    expect(await h.db.reconciliationRun.findUniqueOrThrow({ where: { id: first.runId } })).toMatchObject({ missedEvents: 2 });
    await eventually(async () => expect(await bookingState(h.db, booking.id)).toEqual({ status: "CONFIRMED", paymentStatus: "PAID" }));
    await quiet();

    // Stripe still lists them (it never saw our 2xx); the inbox already holds them.
    const second = await runReconciliation(h.db);
    expect(second.missedEvents).toBe(0);
    const rows = await h.db.webhookEvent.findMany({ where: { externalId: { in: events.map((e) => e.id) } } });
    expect(rows.map((r) => [r.type, r.status]).sort()).toEqual([
      ["checkout.session.completed", "PROCESSED"],
      ["payment_intent.succeeded", "PROCESSED"],
    ]);
    // The payment came in through the inbox, so nothing is out of step.
    expect((await attention(booking.id)).attentionReason).toBeNull();
  });
});

describe("when Stripe fails", () => {
  it("records the error on the run, keeps the flags already raised, and fails", async () => {
    const { booking, checkoutSessionId } = await paidBookingWithCheckout(h.db);
    unheard(await h.stripe.completeCheckout(checkoutSessionId, { deliver: false }));
    // Stripe answers the lists, then fails on a read it makes once bookings are being flagged.
    const failing = { ...stripeLedger, checkoutSession: () => Promise.reject(new Error("Stripe is down")) };
    const claims = await paidBookingWithCheckout(h.db);
    await h.db.booking.update({ where: { id: claims.booking.id }, data: { stripeCheckoutSessionId: "cs_test_not_listed" } });
    await h.db.booking.update({ where: { id: claims.booking.id }, data: { status: "CONFIRMED", paymentStatus: "PAID" } });

    await expect(reconcilePayments(h.db, { ledger: failing, enqueue: async () => {} })).rejects.toThrow(/Stripe is down/);
    const run = await h.db.reconciliationRun.findFirstOrThrow({ orderBy: { startedAt: "desc" } });
    expect(run.error).toBe("Stripe is down");
    expect(run.finishedAt).not.toBeNull();
    expect(run.mismatches).toBeGreaterThanOrEqual(1);
    expect((await attention(booking.id)).attentionReason).toMatch(/paid in Stripe/);
  });

  it("an unreachable Stripe fails the run before any flag, with the error on the run row", async () => {
    useProviderBases({ stripe: "http://127.0.0.1:9" });
    try {
      await expect(runReconciliation(h.db)).rejects.toThrow();
      const run = await h.db.reconciliationRun.findFirstOrThrow({ orderBy: { startedAt: "desc" } });
      expect(run).toMatchObject({ checked: 0, mismatches: 0, missedEvents: 0 });
      expect(run.error).toMatch(/connection|connect|ECONNREFUSED/i);
    } finally {
      useProviderBases({ stripe: h.stripe.url });
    }
  });
});

describe("/api/cron/reconcile", () => {
  const call = async (authorization?: string) => {
    const headers = authorization === undefined ? undefined : { authorization };
    const response = await GET(new Request("http://localhost/api/cron/reconcile", { headers }), {
      params: Promise.resolve({ job: "reconcile" }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it("refuses a missing or wrong secret without running, and runs with the right one", async () => {
    const runs = await h.db.reconciliationRun.count();
    expect((await call()).status).toBe(401);
    expect((await call("Bearer wrong-secret-of-some-length")).status).toBe(401);
    expect(await h.db.reconciliationRun.count()).toBe(runs);

    const { status, body } = await call(`Bearer ${process.env.CRON_SECRET!}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ job: "reconcile", runId: expect.any(String), missedEvents: 0 });
    expect(await h.db.reconciliationRun.count()).toBe(runs + 1);
  });
});
