import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/cron/[job]/route";
import { drainOutbox } from "@/server/cron/drain-outbox";
import { resetEnvForTests } from "@/server/env";
import { bookingState, paidBookingWithCheckout } from "@/testing/booking-fixtures";
import { createBuilder, createSessionType, futureHour } from "@/testing/factories";
import { callerFor } from "@/testing/harness";
import { startProviderHarness, type ProviderHarness } from "@/testing/provider-harness";

// Through the real route module (src/app/api/cron/[job]/route.ts), against real PostgreSQL and
// the SendGrid and Stripe sandboxes. No worker runs until the last test: the routes do the work.

let h: ProviderHarness;
beforeAll(async () => {
  h = await startProviderHarness();
});
afterAll(async () => h.close());

const secret = () => process.env.CRON_SECRET!;
async function call(job: string, authorization?: string, method: typeof GET = GET) {
  const headers = authorization === undefined ? undefined : { authorization };
  const response = await method(new Request(`http://localhost/api/cron/${job}`, { headers }), { params: Promise.resolve({ job }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

let day = 40;
async function owedEmail(email: string) {
  const { profile } = await createBuilder(h.db, { displayName: "Cron Builder" });
  const type = await createSessionType(h.db, profile.id);
  const { booking } = await callerFor(h.db).booking.create({
    sessionTypeId: type.id,
    startTime: futureHour(day++),
    clientName: "Cron Client",
    clientEmail: email,
  });
  // One owed email per booking, so counts below are per client: the builder's news and the
  // reminders a confirmation also owes are left out.
  await h.db.outboxMessage.deleteMany({ where: { bookingId: booking.id, kind: { not: "EMAIL_CONFIRMATION" } } });
  return booking;
}
const mailsTo = (email: string) => h.sendgrid.messages.filter((m) => JSON.stringify(m.body.personalizations).includes(email));

describe("/api/cron/<job> is never open", () => {
  it("answers 401 without the header, with a wrong secret or a wrong scheme; 404 for an unknown job", async () => {
    expect((await call("sweep")).status).toBe(401);
    expect((await call("sweep", "Bearer not-the-secret")).status).toBe(401);
    expect((await call("sweep", `Basic ${secret()}`)).status).toBe(401);
    expect((await call("sweep", secret())).status).toBe(401);
    expect((await call("no-such-job", `Bearer ${secret()}`)).status).toBe(404);
    // An unknown job is not revealed to an unauthenticated caller.
    expect((await call("no-such-job")).status).toBe(401);
  });

  it("answers 503 while CRON_SECRET is unset, whatever is sent", async () => {
    const configured = secret();
    delete process.env.CRON_SECRET;
    resetEnvForTests();
    try {
      expect(await call("sweep", `Bearer ${configured}`)).toMatchObject({
        status: 503,
        body: { error: expect.stringMatching(/not configured/) },
      });
      expect((await call("sweep", "Bearer ")).status).toBe(503);
    } finally {
      process.env.CRON_SECRET = configured;
      resetEnvForTests();
    }
  });
});

describe("/api/cron/<job> does the work", () => {
  it("sweep: an expired hold is cancelled through the lifecycle writer", async () => {
    const { booking } = await paidBookingWithCheckout(h.db);
    await h.db.booking.update({ where: { id: booking.id }, data: { holdExpiresAt: new Date(Date.now() - 1000) } });
    const { status, body } = await call("sweep", `Bearer ${secret()}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ job: "sweep", expired: 1 });
    expect(await bookingState(h.db, booking.id)).toEqual({ status: "CANCELLED", paymentStatus: "UNPAID" });
    expect(await h.db.booking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({
      cancelledBy: "SYSTEM",
      cancellationReason: "PAYMENT_EXPIRED",
    });
    // An unconfirmed hold owes no cancellation email, only the note that its time was released
    // (the writer decides what a cancellation owes).
    const owed = await h.db.outboxMessage.findMany({ where: { bookingId: booking.id }, select: { kind: true } });
    expect(owed.filter((o) => o.kind.startsWith("EMAIL_"))).toEqual([{ kind: "EMAIL_HOLD_EXPIRED" }]);
    // Nothing left to do: a second run finds no expired hold.
    expect((await call("sweep", `Bearer ${secret()}`)).body).toMatchObject({ expired: 0 });
  });

  it("inbox-drain: a recorded Stripe payment confirms the booking once, however many drains race", async () => {
    const { booking, checkoutSessionId } = await paidBookingWithCheckout(h.db);
    // Delivered to the real webhook route: verified, recorded, acknowledged; no worker applies it.
    await h.stripe.completeCheckout(checkoutSessionId);
    expect(await bookingState(h.db, booking.id)).toEqual({ status: "PENDING", paymentStatus: "UNPAID" });
    const results = await Promise.all([1, 2, 3].map(() => call("inbox-drain", `Bearer ${secret()}`)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    // Two events (checkout.session.completed, payment_intent.succeeded), each applied by one drain.
    const applied = results.reduce((sum, r) => sum + (r.body.processed as number) + (r.body.ignored as number), 0);
    expect(applied).toBe(2);
    expect(await bookingState(h.db, booking.id)).toEqual({ status: "CONFIRMED", paymentStatus: "PAID" });
    expect(await h.db.webhookEvent.count({ where: { status: { in: ["RECEIVED", "FAILED"] } } })).toBe(0);
    expect(await h.db.outboxMessage.count({ where: { bookingId: booking.id, kind: "EMAIL_CONFIRMATION", status: "PENDING" } })).toBe(1);
  });

  it("outbox-drain (POST too): an owed email is delivered to SendGrid", async () => {
    const booking = await owedEmail("drain@example.test");
    expect(mailsTo("drain@example.test")).toHaveLength(0);
    const { status, body } = await call("outbox-drain", `Bearer ${secret()}`, POST);
    expect(status).toBe(200);
    expect(body).toMatchObject({ job: "outbox-drain", failed: 0, left: 0 });
    expect(body.sent).toBeGreaterThanOrEqual(1);
    expect(mailsTo("drain@example.test")).toHaveLength(1);
    expect(await h.db.outboxMessage.findFirstOrThrow({ where: { bookingId: booking.id } })).toMatchObject({
      kind: "EMAIL_CONFIRMATION",
      status: "SENT",
      attempts: 1,
    });
  });

  it("a drain past its time budget starts nothing and reports what it left", async () => {
    await owedEmail("late@example.test");
    expect(await drainOutbox(h.db, { deadline: Date.now() - 1 })).toMatchObject({ sent: 0, left: 1 });
    expect(mailsTo("late@example.test")).toHaveLength(0);
    expect(await drainOutbox(h.db, { deadline: Date.now() + 10_000, limit: 1 })).toMatchObject({ sent: 1, left: 0 });
    expect(mailsTo("late@example.test")).toHaveLength(1);
  });

  it("four drains racing for the same rows send each email once: the claim decides", async () => {
    const emails = Array.from({ length: 4 }, (_, i) => `claim-${i}@example.test`);
    await Promise.all(emails.map(owedEmail));
    const results = await Promise.all([1, 2, 3, 4].map(() => call("outbox-drain", `Bearer ${secret()}`)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(results.reduce((sum, r) => sum + (r.body.sent as number), 0)).toBe(emails.length);
    for (const email of emails) expect(mailsTo(email), email).toHaveLength(1);
  });

  it("concurrent drains, beside running workers, deliver each email exactly once", async () => {
    const emails = Array.from({ length: 6 }, (_, i) => `race-${i}@example.test`);
    const bookings = await Promise.all(emails.map(owedEmail));
    await h.startWorkers();
    const results = await Promise.all([1, 2, 3].map(() => call("outbox-drain", `Bearer ${secret()}`)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    // No row is sent by two drains: between them, at most one send per email.
    expect(results.reduce((sum, r) => sum + (r.body.sent as number), 0)).toBeLessThanOrEqual(emails.length);
    // Whatever the drains did not send, the workers did: wait for every row.
    const ids = bookings.map((b) => b.id);
    for (let i = 0; i < 150; i++) {
      if ((await h.db.outboxMessage.count({ where: { bookingId: { in: ids }, status: "SENT" } })) === ids.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const rows = await h.db.outboxMessage.findMany({ where: { bookingId: { in: ids } } });
    expect(rows.map((r) => [r.status, r.attempts])).toEqual(ids.map(() => ["SENT", 1]));
    for (const email of emails) expect(mailsTo(email), email).toHaveLength(1);
  });
});
