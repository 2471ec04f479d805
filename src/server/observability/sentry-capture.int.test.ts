import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueWebhookEvent } from "@/server/jobs/enqueue";
import { startWorkers, stopWorkers } from "@/server/jobs/workers";
import { startTestDb, type TestDb } from "@/testing/harness";
import { createBuilder, createSessionType, futureHour } from "@/testing/factories";
import { callHttp } from "@/testing/trpc-http";
import { startEnvelopeServer, type EnvelopeServer } from "./sentry-envelope-server";
import { activeSentry, registerSentry } from "./sentry-hub";

// The real Sentry SDK, initialised by our own sentry.server.config.ts with a DSN that points at
// a local ingest endpoint: an unexpected server error and a failed webhook processing each
// arrive there as an event (the browser's: e2e/monitoring-browser.spec.ts).

let t: TestDb;
let ingest: EnvelopeServer;
let sessionTypeId: string;

beforeAll(async () => {
  ingest = await startEnvelopeServer();
  t = await startTestDb();
  const { profile } = await createBuilder(t.db);
  sessionTypeId = (await createSessionType(t.db, profile.id)).id;
  process.env.SENTRY_DSN = ingest.dsn;
  // What instrumentation.ts does when SENTRY_DSN is set.
  await import("../../../sentry.server.config");
}, 120_000);
afterAll(async () => {
  await activeSentry()?.flush(2000);
  registerSentry(undefined);
  delete process.env.SENTRY_DSN;
  await ingest.close();
  await t.close();
});

const eventWith = (text: string) => ingest.events.find((e) => e.exception?.values?.some((v) => v.value?.includes(text)));

describe("Sentry capture, against a local envelope endpoint", () => {
  it("is initialised only because a DSN is set, and hands the SDK to the request path", () => {
    expect(activeSentry()).toBeDefined();
  });

  it("captures an unexpected server error; the answer's reference is the Sentry event id", async () => {
    const day = futureHour(3).toISOString().slice(0, 10);
    await t.db.$executeRawUnsafe(`ALTER TABLE "SessionType" RENAME TO "SessionType_gone"`);
    let res: Awaited<ReturnType<typeof callHttp>>;
    try {
      res = await callHttp("slot.list", "query", { sessionTypeId, startDate: day, endDate: day, timeZone: "UTC" });
    } finally {
      await t.db.$executeRawUnsafe(`ALTER TABLE "SessionType_gone" RENAME TO "SessionType"`);
    }
    expect(res.status).toBe(500);
    const reference = String(res.error?.data.reference);
    await expect.poll(() => ingest.events.map((e) => e.event_id), { timeout: 15_000 }).toContain(reference);
    const event = ingest.events.find((e) => e.event_id === reference);
    expect(event?.tags?.path).toBe("slot.list");
    expect(event?.exception?.values?.at(-1)?.value).toMatch(/SessionType/);
  });

  it("captures a webhook event whose processing fails, tagged with its queue and event id", async () => {
    // The database refuses to mark the event applied: processing fails after the handler ran.
    await t.db.$executeRawUnsafe(`
      CREATE FUNCTION refuse_applied_events() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status IN ('PROCESSED', 'IGNORED') THEN RAISE EXCEPTION 'simulated outage applying %', NEW.id; END IF;
        RETURN NEW;
      END $$`);
    await t.db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_applied_events BEFORE UPDATE ON "WebhookEvent" FOR EACH ROW EXECUTE FUNCTION refuse_applied_events()`,
    );
    const event = await t.db.webhookEvent.create({
      data: { provider: "STRIPE", externalId: `evt_sentry_${Date.now()}`, type: "customer.created", payload: { data: { object: {} } } },
    });
    await startWorkers(t.db, { retryDelaySeconds: 60, retryLimit: 1 });
    try {
      await enqueueWebhookEvent(event.id);
      await expect.poll(() => eventWith(`simulated outage applying ${event.id}`), { timeout: 30_000 }).toBeDefined();
      const captured = eventWith(`simulated outage applying ${event.id}`);
      expect(captured?.tags?.queue).toBe("webhook-event");
      expect(captured?.extra?.eventId).toBe(event.id);
      expect((await t.db.webhookEvent.findUniqueOrThrow({ where: { id: event.id } })).status).toBe("FAILED");
    } finally {
      await stopWorkers(t.db, { timeoutMs: 2000 });
    }
  }, 60_000);
});
