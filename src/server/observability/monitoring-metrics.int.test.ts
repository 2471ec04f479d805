import { execFile } from "node:child_process";
import { createSocket } from "node:dgram";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestDb, type TestDb } from "@/testing/harness";
import { createBuilder, createSessionType, futureHour } from "@/testing/factories";

// A UDP socket stands in for the Datadog agent; a plain Node process with DD_TRACE_ENABLED runs
// the real wiring against a real database (emit-monitoring-metrics.fixture.ts): database query
// time per query kind, email delivery per kind and outcome, and the business gauges.
const socket = createSocket("udp4");
const received: string[] = [];
let t: TestDb;
let sessionTypeId: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
  socket.on("message", (msg) => received.push(...msg.toString().split("\n").filter(Boolean)));
  t = await startTestDb();
  const { profile } = await createBuilder(t.db);
  sessionTypeId = (await createSessionType(t.db, profile.id)).id;
  const start = futureHour(4);
  // One confirmed free booking created today: the business gauges' "today" figures.
  await t.db.booking.create({
    data: {
      sessionTypeId,
      builderId: profile.id,
      clientName: "Client",
      clientEmail: "client@example.test",
      startTime: start,
      endTime: new Date(start.getTime() + 3_600_000),
      status: "CONFIRMED",
      paymentStatus: "NOT_REQUIRED",
      priceCents: 0,
      currency: "usd",
    },
  });
});
afterAll(async () => {
  socket.close();
  await t.close();
});

/** The metric lines named `name`, e.g. `booking.email.delivery:1|c|#kind:...,outcome:sent,...`. */
const lines = (name: string) => received.filter((l) => l.startsWith(`${name}:`));

describe("monitoring metrics over DogStatsD", () => {
  it("sends query time per query kind, email outcomes per kind and today's business gauges", async () => {
    const fixture = path.join(import.meta.dirname, "emit-monitoring-metrics.fixture.ts");
    await promisify(execFile)(process.execPath, ["--import", "tsx", fixture], {
      env: {
        ...process.env,
        DATABASE_URL: t.url,
        DD_TRACE_ENABLED: "true",
        DD_ENV: "test",
        DD_DOGSTATSD_HOST: "127.0.0.1",
        DD_DOGSTATSD_PORT: String(socket.address().port),
        DD_TRACE_AGENT_PORT: "9",
        DD_TRACE_STARTUP_LOGS: "false",
      },
      timeout: 100_000,
    });
    await expect.poll(() => lines("booking.email.delivery").length, { timeout: 5000 }).toBe(3);

    // Database: a distribution per statement kind, from Prisma's query events.
    expect(lines("booking.db.query_ms").some((l) => /\|d\|#.*query:select:Booking\b/.test(l))).toBe(true);
    for (const l of lines("booking.db.query_ms")) expect(l).toMatch(/^booking\.db\.query_ms:[\d.]+\|d\|#.*query:[a-z]+(:[A-Za-z_]+)?/);

    // Email: one count per provider call, tagged with the outbox kind and the outcome.
    const email = lines("booking.email.delivery");
    expect(email.some((l) => /:1\|c\|#.*kind:EMAIL_CONFIRMATION.*outcome:sent/.test(l))).toBe(true);
    expect(email.some((l) => /:1\|c\|#.*kind:EMAIL_REFUND_NOTICE.*outcome:failed/.test(l))).toBe(true);
    expect(email.some((l) => /:1\|c\|#.*kind:EMAIL_CANCELLATION.*outcome:retryable/.test(l))).toBe(true);
    expect(lines("booking.email.send_ms")).toHaveLength(3);

    // Business figures for today (UTC), the console's own SQL.
    expect(lines("booking.business.bookings_created.today")[0]).toMatch(/^booking\.business\.bookings_created\.today:1\|g/);
    expect(lines("booking.business.bookings_confirmed.today")[0]).toMatch(/:1\|g/);
    expect(lines("booking.business.checkouts.today").some((l) => /:0\|g\|#.*outcome:started/.test(l))).toBe(true);
    expect(
      lines("booking.business.session_type_bookings.today").some((l) => l.includes(`session_type:${sessionTypeId}`) && /:1\|g/.test(l)),
    ).toBe(true);
  }, 120_000);
});
