// The recovery pass every worker runs every few seconds (recovery.ts): what a stopped process
// left behind is picked up, and nothing live or waiting out a retry's backoff is touched. No
// workers run here: the test takes jobs from the queue itself, as a worker that then dies would.
import { OWED_ON_CONFIRM } from "@/core/booking/booking-effects";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Mailer } from "@/modules/ports/mailer";
import { claimOutboxMessage } from "@/modules/outbox-delivery/claim-outbox-message";
import { deliverOutboxMessage } from "@/modules/outbox-delivery/deliver-outbox-message";
import { enqueueOutbox } from "@/modules/outbox/enqueue-outbox";
import { releaseExpiredClaims } from "@/modules/outbox-delivery/release-claims";
import { processWebhookEvent } from "@/modules/webhooks/process-webhook-event";
import { recordWebhookEvent } from "@/modules/webhooks/record-webhook-event";
import { createBuilder, createSessionType, futureHour } from "@/testing/factories";
import { startTestDb, type TestDb } from "@/testing/harness";
import { getBoss, liveJobKeys, QUEUES } from "./boss";
import { enqueueOutboxMessages, enqueueWebhookEvent } from "./enqueue";
import type { RunnableJob } from "./orphans";
import { recoverOnce, type RecoveryOptions } from "./recovery";
import { outboxDeps } from "./workers";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
  await getBoss();
});
afterAll(async () => t.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const STALE = 300; // ms; production waits RECOVER_AFTER_MS (5 s)

const sent: string[] = [];
const mailer: Mailer = {
  async send(email) {
    sent.push(email.customArgs.outboxId!);
    await sleep(50);
    return { messageId: `m-${sent.length}`, statusCode: 202 };
  },
};

/** The handlers a worker runs, as spies. */
function runners() {
  const webhook = vi.fn(async (job: RunnableJob<{ eventId: string }>) => {
    await processWebhookEvent(t.db, {
      eventId: job.data.eventId,
      holdMinutes: 15,
      manageTokenSecret: "a-test-secret-of-more-than-32-characters",
      refundPolicy: { fullRefundHoursBefore: 24 },
    });
  });
  const outbox = vi.fn(async (job: RunnableJob<{ outboxId: string }>) => {
    await deliverOutboxMessage(t.db, outboxDeps(t.db, { mailer }), { outboxId: job.data.outboxId, finalAttempt: false });
  });
  return {
    webhook,
    outbox,
    options: { runners: { [QUEUES.webhookEvent]: webhook, [QUEUES.outboxMessage]: outbox }, running: new Set<string>() },
  };
}

const pass = async (options: Pick<RecoveryOptions, "runners" | "running">, staleAfterMs = STALE) =>
  recoverOnce(t.db, await getBoss(), { ...options, staleAfterMs });

let n = 0;
/** An inbox event of a type the app ignores (processing only marks it), recorded and enqueued. */
async function event(enqueue = true) {
  const { id } = await recordWebhookEvent(t.db, {
    provider: "CALENDLY",
    externalId: `recovery-${n++}-${Math.random()}`,
    type: "invitee_no_show.created",
    payload: {},
  });
  if (enqueue) await enqueueWebhookEvent(id);
  return id;
}

/** An owed confirmation email, enqueued. */
async function owedEmail() {
  const { profile } = await createBuilder(t.db);
  const type = await createSessionType(t.db, profile.id);
  const startTime = futureHour(3 + n++);
  const booking = await t.db.booking.create({
    data: {
      sessionTypeId: type.id,
      builderId: profile.id,
      clientName: "Recovery Client",
      clientEmail: "recovery@example.test",
      startTime,
      endTime: new Date(startTime.getTime() + 3_600_000),
      status: "CONFIRMED",
      paymentStatus: "NOT_REQUIRED",
      priceCents: 0,
      currency: "usd",
    },
  });
  await enqueueOutbox(t.db, booking.id, ["EMAIL_CONFIRMATION"]);
  const row = await t.db.outboxMessage.findFirstOrThrow({ where: { bookingId: booking.id } });
  await enqueueOutboxMessages([row.id]);
  return row.id;
}

/** Takes the next job of the queue as a worker does, and never finishes it (the worker dies). */
async function takeAndDie(queue: string, key: string) {
  const boss = await getBoss();
  for (let i = 0; i < 20; i++) {
    const [job] = await boss.fetch<{ eventId?: string; outboxId?: string }>(queue);
    if (!job) break;
    if ((job.data.eventId ?? job.data.outboxId) === key) return job.id;
    await boss.complete(queue, job.id); // another test's leftover
  }
  throw new Error(`no job for ${key}`);
}

const jobState = async (queue: string, id: string) => (await (await getBoss()).getJobById(queue, id))?.state;

describe("the recovery pass", () => {
  it("runs a job a dead worker left active, once, after it has been stale for a while, and settles it", async () => {
    const r = runners();
    const id = await event();
    const job = await takeAndDie(QUEUES.webhookEvent, id);

    expect((await pass(r.options)).adopted).toBe(0); // just started: could be a live worker's
    await sleep(STALE + 100);
    const [first, second] = await Promise.all([pass(r.options), pass(r.options)]); // two workers' loops
    expect(first.adopted + second.adopted).toBe(1);
    expect(r.webhook).toHaveBeenCalledTimes(1);
    expect((await t.db.webhookEvent.findUniqueOrThrow({ where: { id } })).status).toBe("IGNORED");
    expect(await jobState(QUEUES.webhookEvent, job)).toBe("completed");
    expect((await pass(r.options)).adopted).toBe(0);
    expect(r.webhook).toHaveBeenCalledTimes(1);
  });

  it("leaves a job alone while its event is locked by a transaction processing it, or while this process runs it", async () => {
    const r = runners();
    const id = await event();
    const job = await takeAndDie(QUEUES.webhookEvent, id);
    await sleep(STALE + 100);

    const live = new pg.Client({ connectionString: t.url });
    await live.connect();
    try {
      await live.query("BEGIN");
      await live.query(`SELECT 1 FROM "WebhookEvent" WHERE id = $1 FOR UPDATE`, [id]);
      expect((await pass(r.options)).adopted).toBe(0);
      await live.query("ROLLBACK");
    } finally {
      await live.end();
    }
    expect((await pass({ ...r.options, running: new Set([job]) })).adopted).toBe(0);
    expect(r.webhook).not.toHaveBeenCalled();
    expect((await pass(r.options)).adopted).toBe(1);
    expect((await t.db.webhookEvent.findUniqueOrThrow({ where: { id } })).status).toBe("IGNORED");
  });

  it("leaves an outbox row alone while its lease is live; once it lapses, records the unknown outcome and sends it again", async () => {
    const r = runners();
    const id = await owedEmail();
    const job = await takeAndDie(QUEUES.outboxMessage, id);
    const claim = await claimOutboxMessage(t.db, { outboxId: id, liveLeaseMs: 1000 }); // then the process dies mid-call
    expect(claim).toMatchObject({ attempt: 1 });
    await sleep(STALE + 100);

    expect(await pass(r.options)).toMatchObject({ adopted: 0, unknown: 0 });
    expect(r.outbox).not.toHaveBeenCalled();
    await sleep(700); // past the lease: nobody renewed it
    expect(await pass(r.options)).toMatchObject({ adopted: 1, unknown: 1 });
    expect(await t.db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "SENT",
      attempts: 2,
      outcomeUnknownAt: expect.any(Date),
    });
    expect(await jobState(QUEUES.outboxMessage, job)).toBe("completed");
  });

  it("does not touch rows waiting out a retry's backoff, and a failed adopted run waits for its backoff too", async () => {
    const r = runners();
    const boss = await getBoss();
    // An event whose processing failed: FAILED, its job in "retry" with a backoff of seconds.
    const failedEvent = await event();
    const failedJob = await takeAndDie(QUEUES.webhookEvent, failedEvent);
    await t.db.webhookEvent.update({ where: { id: failedEvent }, data: { status: "FAILED", attempts: 1, lastError: "boom" } });
    await boss.fail(QUEUES.webhookEvent, failedJob);
    // An email whose attempt failed: PENDING, attempt 1 recorded, its job in "retry".
    const retrying = await owedEmail();
    const retryingJob = await takeAndDie(QUEUES.outboxMessage, retrying);
    await t.db.outboxMessage.update({ where: { id: retrying }, data: { attempts: 1, lastError: "503" } });
    await boss.fail(QUEUES.outboxMessage, retryingJob);
    // A job a dead worker left, whose adopted run fails.
    const crashing = await event();
    const crashingJob = await takeAndDie(QUEUES.webhookEvent, crashing);
    await sleep(STALE + 100);
    const failing = vi.fn(() => Promise.reject(new Error("still failing")));
    const options = { runners: { [QUEUES.webhookEvent]: failing, [QUEUES.outboxMessage]: r.outbox }, running: new Set<string>() };

    expect(await pass(options, 0)).toMatchObject({ adopted: 1, events: 0, outbox: 0 });
    expect(failing).toHaveBeenCalledTimes(1);
    const crashed = await boss.getJobById(QUEUES.webhookEvent, crashingJob);
    expect(crashed?.state).toBe("retry");
    expect(crashed!.startAfter.getTime()).toBeGreaterThan(Date.now() + 2000); // the queue's backoff

    for (let i = 0; i < 3; i++) expect(await pass(options, 0)).toMatchObject({ adopted: 0, events: 0, outbox: 0 });
    expect(failing).toHaveBeenCalledTimes(1);
    expect(r.outbox).not.toHaveBeenCalled();
    expect(sent).not.toContain(retrying);
    expect((await t.db.webhookEvent.findUniqueOrThrow({ where: { id: failedEvent } })).status).toBe("FAILED");
    expect(await jobState(QUEUES.webhookEvent, failedJob)).toBe("retry");
    expect(await jobState(QUEUES.outboxMessage, retryingJob)).toBe("retry");
  });

  it("enqueues an event whose job was lost once it has waited the stale time, not before", async () => {
    const r = runners();
    const id = await event(false);
    expect((await pass(r.options, 60_000)).events).toBe(0);
    expect((await pass(r.options, 0)).events).toBe(1);
    expect(await liveJobKeys(await getBoss(), QUEUES.webhookEvent, [id])).toEqual(new Set([id]));
    expect((await pass(r.options, 0)).events).toBe(0); // it has a live job now
  });
});

describe("adopting is safe when the guess is wrong", () => {
  it("two processors of one event (a stalled worker and an adopter) apply it once", async () => {
    const { profile } = await createBuilder(t.db);
    const type = await createSessionType(t.db, profile.id);
    const eventTypeUri = `https://calendly.test/event_types/${profile.id}`;
    await t.db.sessionType.update({ where: { id: type.id }, data: { calendlyEventTypeUri: eventTypeUri } });
    const start = futureHour(40);
    const inviteeUri = `https://calendly.test/invitees/${profile.id}`;
    const { id } = await recordWebhookEvent(t.db, {
      provider: "CALENDLY",
      externalId: `invitee.created:${inviteeUri}`,
      type: "invitee.created",
      payload: {
        event: "invitee.created",
        payload: {
          uri: inviteeUri,
          email: "twice@example.test",
          name: "Twice",
          status: "active",
          scheduled_event: {
            uri: `https://calendly.test/scheduled_events/${profile.id}`,
            start_time: start.toISOString(),
            end_time: new Date(start.getTime() + 3_600_000).toISOString(),
            event_type: eventTypeUri,
          },
        },
      },
    });
    const options = {
      eventId: id,
      holdMinutes: 15,
      manageTokenSecret: "a-test-secret-of-more-than-32-characters",
      refundPolicy: { fullRefundHoursBefore: 24 },
    };
    const outcomes = await Promise.all(Array.from({ length: 4 }, () => processWebhookEvent(t.db, options)));
    expect(outcomes.sort()).toEqual(["already-done", "already-done", "already-done", "processed"]);
    const bookings = await t.db.booking.findMany({
      where: { calendlyInviteeUri: inviteeUri },
      select: { outbox: { select: { kind: true } } },
    });
    expect(bookings).toHaveLength(1);
    // What one confirmation owes, once: the client's and the builder's emails and the reminders.
    expect(bookings[0]!.outbox.map((o) => o.kind).sort()).toEqual([...OWED_ON_CONFIRM].sort());
    expect(await t.db.webhookEvent.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PROCESSED", attempts: 1 });
  });
});

describe("the outbox lease", () => {
  it("is renewed while the provider call runs, so a slow call is not taken for a dead process", async () => {
    const id = await owedEmail();
    const slow: Mailer = {
      async send(email) {
        await sleep(1200);
        return mailer.send(email);
      },
    };
    const delivery = deliverOutboxMessage(t.db, outboxDeps(t.db, { mailer: slow }), {
      outboxId: id,
      finalAttempt: false,
      liveLeaseMs: 400,
    });
    for (let i = 0; i < 5; i++) {
      await sleep(200);
      expect(await releaseExpiredClaims(t.db)).toEqual([]);
    }
    expect(await delivery).toBe("sent");
    expect(await t.db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "SENT",
      attempts: 1,
      outcomeUnknownAt: null,
    });
  });

  it("runs out within the live lease when nothing renews it (the process died)", async () => {
    const id = await owedEmail();
    await claimOutboxMessage(t.db, { outboxId: id, liveLeaseMs: 300 });
    expect(await releaseExpiredClaims(t.db)).toEqual([]);
    await sleep(350);
    expect((await releaseExpiredClaims(t.db)).map((r) => r.id)).toEqual([id]);
  });
});
