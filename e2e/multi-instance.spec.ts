// Many instances as one (issue 10): two `next start` web instances (RUN_WORKERS=false) and one
// `npm run worker` process, from the production build, on one database and one Redis, with
// a production configuration. API-level: no browser. The cluster is this file's own (fresh
// database, throwaway redis-server, sandboxes on free ports), so emails and budgets count exactly
// and Redis can be stopped without touching the e2e server or the machine's Redis.
import { expect, test } from "@playwright/test";
import { RATE_LIMIT_UNAVAILABLE_MESSAGE } from "@/server/rate-limit";
import { hasRedisServerBinary } from "@/testing/redis-server";
import { startAppCluster, type AppCluster } from "./support/app-cluster";
import { deliverCalendly, nextClientIp, trpc } from "./support/app-http";
import { startCalendlyBookings } from "./support/calendly-bookings";

// The cluster's Redis is a redis-server of its own; .ci/run installs the binary.
const redisServerBinary = hasRedisServerBinary();
if (!redisServerBinary) {
  if (process.env.CI) throw new Error("CI must provide the redis-server binary (.ci/run installs it)");
  console.warn("\n*** SKIPPED: multi-instance tests: no `redis-server` binary on PATH (apt-get install redis-server) ***\n");
}
test.skip(!redisServerBinary, "no redis-server binary on PATH");

const EVENTS = 50;
/** RATE_LIMIT_PER_MINUTE of every instance: the mutation budget per client and minute. */
const BUDGET = 10;

// One cluster for the file (after a failure Playwright starts a new worker, and so a new
// cluster, for the tests left). The Redis test stops its Redis, so it stays last.
let cluster: AppCluster | undefined;
const running = () => cluster!;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  cluster = await startAppCluster({ instances: 2, rateLimitPerMinute: BUDGET });
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  await cluster?.close();
});

/** A signed-out booking.create with empty input: 400 while the budget lasts (the budget is spent before validation). */
const mutate = (url: string, clientIp: string) => trpc(url, "booking.create", "mutation", {}, clientIp);
const read = (url: string, clientIp: string) => trpc(url, "builder.list", "query", {}, clientIp);
const health = async (url: string) => {
  const res = await fetch(`${url}/api/health`);
  return { status: res.status, body: (await res.json()) as { ok: boolean; database: string; redis: string } };
};

test(`${EVENTS} signed Calendly events, each delivered to both instances at once: one transition and one email per booking`, async () => {
  // One worker works through 100 jobs (50 events, 50 emails): seconds, but the machine may be busy.
  test.setTimeout(90_000);
  const { db, instances, sendgrid, calendlySigningKey } = running();
  const started = await startCalendlyBookings(db, running().calendly, EVENTS);

  const answers = await Promise.all(
    started.map((b) => Promise.all(instances.map((url) => deliverCalendly(url, b.rawBody, calendlySigningKey)))),
  );
  for (const [i, pair] of answers.entries()) {
    expect(
      pair.map((a) => a.status),
      `both instances acknowledge event ${i}`,
    ).toEqual([200, 200]);
    expect(
      pair.filter((a) => a.body.duplicate === false),
      `event ${i} is recorded as new by exactly one instance`,
    ).toHaveLength(1);
  }

  const ids = started.map((b) => b.id);
  // A confirmed booking owes the client's confirmation and the builder's notice at once, and two
  // reminders due before the start (sent at once only when the start is within the lead time):
  // the exact checks below are about the two that are due now.
  const dueNow = ["EMAIL_BUILDER_NEW_BOOKING", "EMAIL_CONFIRMATION"] as const;
  const isReminder = (kind: string) => kind.startsWith("EMAIL_REMINDER_");
  const customArgs = (m: (typeof sendgrid.messages)[number]) => (m.body.custom_args ?? {}) as Record<string, string>;
  const mailsFor = (bookingId: string) =>
    sendgrid.messages.filter((m) => customArgs(m).bookingId === bookingId && !isReminder(customArgs(m).kind ?? ""));
  await expect
    .poll(async () => db.outboxMessage.count({ where: { bookingId: { in: ids }, status: "SENT", kind: { in: [...dueNow] } } }), {
      message: `every booking's emails sent by the worker\n${running().output()}`,
      timeout: 60_000,
    })
    .toBe(EVENTS * dueNow.length);

  const events = await db.webhookEvent.findMany({
    where: { provider: "CALENDLY", externalId: { in: started.map((b) => `invitee.created:${b.inviteeUri}`) } },
    select: { status: true },
  });
  expect(events.map((e) => e.status)).toEqual(Array<string>(EVENTS).fill("PROCESSED"));

  const bookings = await db.booking.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      status: true,
      calendlyInviteeUri: true,
      holdExpiresAt: true,
      outbox: { select: { kind: true, status: true, attempts: true } },
    },
  });
  expect(bookings).toHaveLength(EVENTS);
  for (const booking of bookings) {
    const reminders = booking.outbox.filter((row) => isReminder(row.kind));
    expect(reminders.map((row) => row.kind).sort(), `reminders owed for ${booking.id}`).toEqual([
      "EMAIL_REMINDER_BUILDER",
      "EMAIL_REMINDER_CLIENT",
    ]);
    booking.outbox = booking.outbox.filter((row) => !isReminder(row.kind)).sort((a, b) => a.kind.localeCompare(b.kind));
    expect(booking).toEqual({
      id: booking.id,
      status: "CONFIRMED",
      calendlyInviteeUri: started.find((b) => b.id === booking.id)!.inviteeUri,
      holdExpiresAt: null,
      // Each due row claimed and sent once (the sandbox never fails a send here).
      outbox: dueNow.map((kind) => ({ kind, status: "SENT", attempts: 1 })),
    });
    expect(mailsFor(booking.id), `emails about booking ${booking.id}`).toHaveLength(dueNow.length);
  }
  // Nothing else reached SendGrid: the count is exact (reminders sent early, if any, aside).
  expect(sendgrid.messages.filter((m) => !isReminder(customArgs(m).kind ?? ""))).toHaveLength(EVENTS * dueNow.length);
});

test("the mutation budget holds in total across the instances: requests alternating between them stop at one budget", async () => {
  const [a, b] = running().instances as [string, string];
  for (const url of [a, b]) expect(await health(url)).toMatchObject({ status: 200, body: { ok: true, redis: "up" } });
  const client = nextClientIp();

  const statuses: number[] = [];
  for (let i = 0; i < BUDGET; i++) statuses.push((await mutate(i % 2 === 0 ? a : b, client)).status);
  expect(statuses).toEqual(Array<number>(BUDGET).fill(400));

  const [onA, onB] = [await mutate(a, client), await mutate(b, client)];
  expect([onA.status, onB.status]).toEqual([429, 429]);
  for (const refused of [onA, onB]) {
    expect(refused.error?.data.appCode).toBe("RATE_LIMITED");
    expect(refused.error?.message).toMatch(/^Too many requests; try again in \d+ s$/);
  }
  // Per client: another client still has its budget; reads are never limited.
  expect((await mutate(b, nextClientIp())).status).toBe(400);
  for (const url of [a, b]) expect((await read(url, client)).status).toBe(200);
});

test("the budget holds under concurrent requests from one client split across both instances", async () => {
  const { instances } = running();
  const client = nextClientIp();
  const results = await Promise.all(Array.from({ length: BUDGET * 3 }, (_, i) => mutate(instances[i % instances.length]!, client)));
  const statuses = results.map((r) => r.status).sort((x, y) => x - y);
  expect(statuses).toEqual([...Array<number>(BUDGET).fill(400), ...Array<number>(BUDGET * 2).fill(429)]);
});

test("with Redis stopped, a mutation gets 503 with a message on every instance while reads and health answer 200", async () => {
  const { instances, redis } = running();
  await redis.kill();
  const client = nextClientIp();
  for (const url of instances) {
    // Each instance's client notices the closed connection on its own.
    await expect.poll(async () => (await mutate(url, client)).status, { timeout: 10_000 }).toBe(503);
    const refused = await mutate(url, client);
    expect(refused.status).toBe(503);
    expect(refused.error?.message).toBe(RATE_LIMIT_UNAVAILABLE_MESSAGE);
    expect(refused.error?.data.appCode).toBe("RATE_LIMIT_UNAVAILABLE");

    expect((await read(url, client)).status).toBe(200);
    expect(await health(url)).toMatchObject({ status: 200, body: { ok: true, database: "up", redis: "down" } });
  }
});
