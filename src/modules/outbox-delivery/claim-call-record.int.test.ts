// Claim, call, record: provider calls run with no transaction open, a crash mid-call is
// recorded as an unknown outcome and retried, and racing workers make one call. The outbox
// use-case is called directly (as a worker's job handler does), against the real SendGrid and
// Stripe SDKs pointed at the sandboxes; no workers run in this file, so nothing else moves rows.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProviderHarness, type ProviderHarness } from "@/testing/provider-harness";
import { paidBookingWithCheckout } from "@/testing/booking-fixtures";
import { createBuilder, createSessionType, futureHour } from "@/testing/factories";
import type { Mailer } from "@/modules/ports/mailer";
import type { PaymentGateway } from "@/modules/ports/payment-gateway";
import { getBoss, liveJobKeys, QUEUES } from "@/server/jobs/boss";
import { runSweep } from "@/server/jobs/sweep";
import { outboxDeps } from "@/server/jobs/workers";
import { sendgridMailer } from "@/server/providers/sendgrid-mailer";
import { stripeGateway } from "@/server/providers/stripe-gateway";
import { claimOutboxMessage, OUTCOME_UNKNOWN } from "./claim-outbox-message";
import { deliverOutboxMessage, RetryLaterError } from "./deliver-outbox-message";
import { enqueueOutbox } from "@/modules/outbox/enqueue-outbox";

let h: ProviderHarness;
let probe: pg.Client; // another connection: sees only what is committed
beforeAll(async () => {
  h = await startProviderHarness();
  h.stripe.autoDeliver = false;
  probe = new pg.Client({ connectionString: h.url });
  await probe.connect();
  await getBoss(); // started now, not in the middle of a lease the test is timing
});
afterAll(async () => {
  await probe.end();
  await h.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const never = <T>() => new Promise<T>(() => {});

let day = 3;
/** A confirmed free booking that owes one confirmation email (written directly: no job is enqueued). */
async function owedEmail(email: string) {
  const { profile } = await createBuilder(h.db, { displayName: "Claim Builder" });
  const type = await createSessionType(h.db, profile.id);
  const startTime = futureHour(day++);
  const booking = await h.db.booking.create({
    data: {
      sessionTypeId: type.id,
      builderId: profile.id,
      clientName: "Claim Client",
      clientEmail: email,
      startTime,
      endTime: new Date(startTime.getTime() + 3_600_000),
      status: "CONFIRMED",
      paymentStatus: "NOT_REQUIRED",
      priceCents: 0,
      currency: "usd",
    },
  });
  await enqueueOutbox(h.db, booking.id, ["EMAIL_CONFIRMATION"]);
  return h.db.outboxMessage.findUniqueOrThrow({ where: { bookingId_kind: { bookingId: booking.id, kind: "EMAIL_CONFIRMATION" } } });
}

/** A paid booking, cancelled, that owes a full refund of a real (sandbox) payment. */
async function owedRefund() {
  const { booking, checkoutSessionId } = await paidBookingWithCheckout(h.db, { daysAhead: day++ });
  await h.stripe.completeCheckout(checkoutSessionId, { deliver: false });
  const paymentIntentId = h.stripe.getCheckoutSession(checkoutSessionId)!.payment_intent!;
  await h.db.booking.update({
    where: { id: booking.id },
    data: {
      status: "CANCELLED",
      cancelledAt: new Date(),
      paymentStatus: "REFUND_PENDING",
      stripePaymentIntentId: paymentIntentId,
      amountPaidCents: booking.priceCents,
      refundedCents: booking.priceCents,
    },
  });
  await enqueueOutbox(h.db, booking.id, ["STRIPE_REFUND"]);
  const row = await h.db.outboxMessage.findUniqueOrThrow({ where: { bookingId_kind: { bookingId: booking.id, kind: "STRIPE_REFUND" } } });
  return { booking, paymentIntentId, row };
}

/** What another connection sees of the row, and how many transactions the app has open. */
async function observe(outboxId: string) {
  const { rows } = await probe.query<{ status: string; attempts: number; leaseExpiresAt: Date | null; claimedAt: Date | null }>(
    `SELECT status, attempts, "leaseExpiresAt", "claimedAt" FROM "OutboxMessage" WHERE id = $1`,
    [outboxId],
  );
  // Every backend of this test database except this probe and pg-boss's own pool (which
  // polls on its own schedule): the app's Prisma pool. A transaction open across the call
  // shows here as a backend with xact_start set.
  const open = await probe.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid()
        AND application_name <> 'booking-jobs' AND xact_start IS NOT NULL`,
  );
  return { row: rows[0]!, openTransactions: open.rows[0]!.n };
}

const mailsFor = (outboxId: string) =>
  h.sendgrid.messages.filter((m) => (m.body.custom_args as Record<string, string> | undefined)?.outboxId === outboxId);
const refundRequests = (bookingId: string) =>
  h.stripe.requests.filter((r) => r.method === "POST" && r.path === "/v1/refunds" && r.idempotencyKey === `refund:${bookingId}`);
const refundsOf = (paymentIntentId: string) => [...h.stripe.state.refunds.values()].filter((r) => r.payment_intent === paymentIntentId);

describe("claim, call, record", () => {
  it("calls SendGrid with no transaction open: the claim is already committed when the call starts", async () => {
    const row = await owedEmail("no-tx@example.test");
    let during: Awaited<ReturnType<typeof observe>> | undefined;
    const mailer: Mailer = {
      async send(email) {
        during = await observe(row.id);
        return sendgridMailer.send(email);
      },
    };
    expect(await deliverOutboxMessage(h.db, outboxDeps(h.db, { mailer }), { outboxId: row.id, finalAttempt: false })).toBe("sent");
    expect(during?.openTransactions).toBe(0);
    expect(during?.row).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(during?.row.claimedAt).toBeInstanceOf(Date);
    expect(during!.row.leaseExpiresAt!.getTime()).toBeGreaterThan(Date.now());
  });

  it("calls Stripe's refund with no transaction open, then records the refund and the follow-ups together", async () => {
    const { booking, paymentIntentId, row } = await owedRefund();
    let during: Awaited<ReturnType<typeof observe>> | undefined;
    const payments: PaymentGateway = {
      ...stripeGateway,
      async refund(request) {
        during = await observe(row.id);
        return stripeGateway.refund(request);
      },
    };
    expect(await deliverOutboxMessage(h.db, outboxDeps(h.db, { payments }), { outboxId: row.id, finalAttempt: false })).toBe("sent");
    expect(during).toMatchObject({ openTransactions: 0, row: { status: "PENDING", attempts: 1 } });
    const [refund] = refundsOf(paymentIntentId);
    const after = await h.db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(after).toMatchObject({
      status: "SENT",
      attempts: 1,
      providerMessageId: refund?.id,
      leaseExpiresAt: null,
      outcomeUnknownAt: null,
    });
    expect((await h.db.booking.findUniqueOrThrow({ where: { id: booking.id } })).paymentStatus).toBe("REFUNDED");
    expect(await h.db.outboxMessage.count({ where: { bookingId: booking.id, kind: "EMAIL_REFUND_NOTICE", status: "PENDING" } })).toBe(1);
  });

  it("sends once in the normal path, records it, and a repeated job finds nothing to do", async () => {
    const row = await owedEmail("once@example.test");
    expect(await deliverOutboxMessage(h.db, outboxDeps(h.db), { outboxId: row.id, finalAttempt: false })).toBe("sent");
    expect(await deliverOutboxMessage(h.db, outboxDeps(h.db), { outboxId: row.id, finalAttempt: false })).toBe("skipped");
    const mails = mailsFor(row.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.body.custom_args).toEqual({ bookingId: row.bookingId, kind: "EMAIL_CONFIRMATION", outboxId: row.id, attempt: "1" });
    expect(await h.db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "SENT",
      attempts: 1,
      providerMessageId: mails[0]?.messageId,
      lastStatusCode: 202,
      lastError: null,
      leaseExpiresAt: null,
      outcomeUnknownAt: null,
    });
  });

  it("makes exactly one provider call when workers race for one row", async () => {
    const row = await owedEmail("race@example.test");
    // Every racer's call is slow, so the others try to claim while the winner is mid-call.
    const mailer: Mailer = {
      async send(email) {
        await sleep(200);
        return sendgridMailer.send(email);
      },
    };
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => deliverOutboxMessage(h.db, outboxDeps(h.db, { mailer }), { outboxId: row.id, finalAttempt: false })),
    );
    const sent = results.filter((r) => r.status === "fulfilled" && r.value === "sent");
    expect(sent).toHaveLength(1);
    for (const r of results) {
      if (r.status === "rejected")
        expect(r.reason).toBeInstanceOf(RetryLaterError); // "busy": retried later, then skipped
      else expect(["sent", "skipped"]).toContain(r.value);
    }
    expect(h.sendgrid.attempts.filter((a) => JSON.stringify(a.body).includes(row.id))).toHaveLength(1);
    expect(await h.db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "SENT", attempts: 1 });

    // The claim itself: of many concurrent claims of a fresh row, one wins.
    const other = await owedEmail("race-claims@example.test");
    const claims = await Promise.all(Array.from({ length: 8 }, () => claimOutboxMessage(h.db, { outboxId: other.id })));
    expect(claims.filter((c) => typeof c === "object")).toHaveLength(1);
    expect(claims.filter((c) => c === "busy")).toHaveLength(7);
  });

  it("a process killed mid-call: the sweep records the unknown outcome on the row and retries it (the email may go twice)", async () => {
    const row = await owedEmail("killed@example.test");
    // SendGrid accepts the email, then the process "dies": the outcome is never recorded.
    const dying: Mailer = {
      async send(email) {
        await sendgridMailer.send(email);
        return never();
      },
    };
    const claimed = Date.now();
    void deliverOutboxMessage(h.db, outboxDeps(h.db, { mailer: dying }), { outboxId: row.id, finalAttempt: false, leaseMs: 2000 });
    await h.sendgrid.waitForMessage((m) => JSON.stringify(m.body).includes(row.id));

    // Within the lease the row is in flight: neither the sweep nor another job touches it.
    expect((await runSweep(h.db, { staleAfterMs: 0 })).unknown).toBe(0);
    await expect(deliverOutboxMessage(h.db, outboxDeps(h.db), { outboxId: row.id, finalAttempt: false })).rejects.toBeInstanceOf(
      RetryLaterError,
    );
    expect(mailsFor(row.id)).toHaveLength(1);
    expect(Date.now() - claimed).toBeLessThan(2000); // all of the above happened within the lease

    await sleep(claimed + 2100 - Date.now()); // past the lease
    const swept = await runSweep(h.db, { staleAfterMs: 0 });
    expect(swept.unknown).toBe(1);
    expect(await h.db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "PENDING",
      attempts: 1,
      leaseExpiresAt: null,
      lastError: OUTCOME_UNKNOWN,
      outcomeUnknownAt: expect.any(Date),
    });
    // The sweep enqueued it; the worker that takes the job sends it again.
    expect(await liveJobKeys(await getBoss(), QUEUES.outboxMessage, [row.id])).toEqual(new Set([row.id]));
    expect(await deliverOutboxMessage(h.db, outboxDeps(h.db), { outboxId: row.id, finalAttempt: false })).toBe("sent");

    const after = await h.db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(after).toMatchObject({ status: "SENT", attempts: 2, lastError: null, leaseExpiresAt: null });
    expect(after.outcomeUnknownAt).toBeInstanceOf(Date); // the possible duplicate stays on record
    // The accepted duplicate, and the only one: each copy names its outbox row and attempt.
    expect(mailsFor(row.id).map((m) => (m.body.custom_args as Record<string, string>).attempt)).toEqual(["1", "2"]);
  });

  it("a refund whose process was killed mid-call is retried safely: Stripe's idempotency key makes one refund", async () => {
    const { booking, paymentIntentId, row } = await owedRefund();
    const dying: PaymentGateway = {
      ...stripeGateway,
      async refund(request) {
        await stripeGateway.refund(request);
        return never();
      },
    };
    void deliverOutboxMessage(h.db, outboxDeps(h.db, { payments: dying }), { outboxId: row.id, finalAttempt: false, leaseMs: 300 });
    await waitUntil(() => refundRequests(booking.id).length === 1);
    await sleep(400);
    expect((await runSweep(h.db, { staleAfterMs: 0 })).unknown).toBe(1);
    expect(await deliverOutboxMessage(h.db, outboxDeps(h.db), { outboxId: row.id, finalAttempt: false })).toBe("sent");

    expect(refundRequests(booking.id)).toHaveLength(2);
    const refunds = refundsOf(paymentIntentId);
    expect(refunds).toHaveLength(1);
    const after = await h.db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(after).toMatchObject({ status: "SENT", attempts: 2, providerMessageId: refunds[0]?.id });
    expect(after.outcomeUnknownAt).toBeInstanceOf(Date);
    expect((await h.db.booking.findUniqueOrThrow({ where: { id: booking.id } })).paymentStatus).toBe("REFUNDED");
  });

  it("a call that outlives its lease cannot record over the attempt that took the row over", async () => {
    const row = await owedEmail("late@example.test");
    const gated = () => {
      let open!: () => void;
      const gate = new Promise<void>((r) => (open = r));
      const mailer: Mailer = {
        async send(email) {
          await gate;
          return sendgridMailer.send(email);
        },
      };
      return { open, mailer };
    };
    const first = gated();
    const late = deliverOutboxMessage(h.db, outboxDeps(h.db, { mailer: first.mailer }), {
      outboxId: row.id,
      finalAttempt: false,
      leaseMs: 200,
    });
    await waitUntil(async () => (await h.db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).attempts === 1);
    await sleep(300);
    // A job's retry claims the expired lease itself (no sweep in between), recording the unknown outcome.
    const second = gated();
    let reclaimed: boolean | undefined;
    const takeover = deliverOutboxMessage(h.db, outboxDeps(h.db, { mailer: second.mailer }), {
      outboxId: row.id,
      finalAttempt: false,
      onClaimed: (claim) => (reclaimed = claim.reclaimed),
    });
    await waitUntil(() => reclaimed !== undefined);
    expect(reclaimed).toBe(true);
    // The first call finishes while the second is still in flight: its result must not be recorded.
    first.open();
    expect(await late).toBe("superseded");
    expect(await h.db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "PENDING", attempts: 2 });
    second.open();
    expect(await takeover).toBe("sent");
    const mails = mailsFor(row.id);
    expect(mails.map((m) => (m.body.custom_args as Record<string, string>).attempt)).toEqual(["1", "2"]);
    const after = await h.db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(after).toMatchObject({ status: "SENT", attempts: 2, providerMessageId: mails[1]?.messageId });
    expect(after.outcomeUnknownAt).toBeInstanceOf(Date);
  });

  it("keeps SendGrid's retry classes: 5xx back to PENDING for the queue's backoff, 4xx and the last attempt FAILED", async () => {
    const row = await owedEmail("classes@example.test");
    h.sendgrid.failNext([503]);
    await expect(deliverOutboxMessage(h.db, outboxDeps(h.db), { outboxId: row.id, finalAttempt: false })).rejects.toBeInstanceOf(
      RetryLaterError,
    );
    expect(await h.db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "PENDING",
      attempts: 1,
      lastStatusCode: 503,
      leaseExpiresAt: null,
    });
    h.sendgrid.failNext([400]);
    expect(await deliverOutboxMessage(h.db, outboxDeps(h.db), { outboxId: row.id, finalAttempt: false })).toBe("failed");
    expect(await h.db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "FAILED",
      attempts: 2,
      lastStatusCode: 400,
      leaseExpiresAt: null,
    });

    const last = await owedEmail("last-attempt@example.test");
    h.sendgrid.failNext([503]);
    expect(await deliverOutboxMessage(h.db, outboxDeps(h.db), { outboxId: last.id, finalAttempt: true })).toBe("failed");
    expect(await h.db.outboxMessage.findUniqueOrThrow({ where: { id: last.id } })).toMatchObject({ status: "FAILED", attempts: 1 });
  });

  it("with EMAIL_SENDING_PAUSED claims and sends nothing, and the row stays PENDING even on the queue's last retry", async () => {
    const row = await owedEmail("paused@example.test");
    for (const finalAttempt of [false, true]) {
      await expect(
        deliverOutboxMessage(h.db, outboxDeps(h.db, { emailPaused: () => true }), { outboxId: row.id, finalAttempt }),
      ).rejects.toBeInstanceOf(RetryLaterError);
    }
    expect(await h.db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "PENDING",
      attempts: 0,
      leaseExpiresAt: null,
      lastError: expect.stringMatching(/EMAIL_SENDING_PAUSED/),
    });
    expect(mailsFor(row.id)).toHaveLength(0);
    expect(
      await deliverOutboxMessage(h.db, outboxDeps(h.db, { emailPaused: () => false }), { outboxId: row.id, finalAttempt: false }),
    ).toBe("sent");
  });
});

async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await sleep(20);
  }
}
