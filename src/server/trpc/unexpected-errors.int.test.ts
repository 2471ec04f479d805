import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { manageTokenFor } from "@/modules/bookings/manage-token";
import { getEnv } from "@/server/env";
import { logger } from "@/server/logger";
import { registerSentry } from "@/server/observability/sentry-hub";
import { startTestDb, useProviderBases, type TestDb } from "@/testing/harness";
import { createBuilder, createSessionType, createUser, futureHour } from "@/testing/factories";
import { callHttp, signUp, type HttpResult } from "@/testing/trpc-http";

// The SDK as the reporter sees it (sentry-hub.ts), controllable per test; everything else is
// real. The real SDK against a local ingest endpoint: src/server/observability/sentry-capture.int.test.ts.
const Sentry = {
  isEnabled: vi.fn(() => false),
  captureException: vi.fn((_error: unknown, _context?: unknown) => "0123456789abcdef0123456789abcdef"),
  captureMessage: vi.fn(() => ""),
  flush: vi.fn(() => Promise.resolve(true)),
};
registerSentry(Sentry);

let t: TestDb;
let builderSlug: string;
let calendlyTypeId: string;
let paidBooking: { id: string; token: string };

beforeAll(async () => {
  t = await startTestDb();
  // Nothing listens on port 9: had a provider been called, it would answer 503.
  useProviderBases({ stripe: "http://127.0.0.1:9", calendly: "http://127.0.0.1:9", sendgrid: "http://127.0.0.1:9" });
  const { profile } = await createBuilder(t.db);
  builderSlug = profile.slug;
  calendlyTypeId = (
    await createSessionType(t.db, profile.id, {
      calendlyEventTypeUri: "https://api.calendly.com/event_types/X",
      calendlySchedulingUrl: "https://calendly.com/x/y",
    })
  ).id;
  const paidType = await createSessionType(t.db, profile.id, { priceCents: 2500 });
  const client = await createUser(t.db);
  const id = crypto.randomUUID();
  const manage = manageTokenFor(id, getEnv().BETTER_AUTH_SECRET);
  const start = futureHour(6);
  await t.db.booking.create({
    data: {
      id,
      sessionTypeId: paidType.id,
      builderId: profile.id,
      clientId: client.id,
      clientName: "Client",
      clientEmail: client.email,
      startTime: start,
      endTime: new Date(start.getTime() + 3_600_000),
      status: "PENDING",
      paymentStatus: "UNPAID",
      priceCents: 2500,
      currency: "usd",
      holdExpiresAt: new Date(Date.now() + 30 * 60_000),
      manageTokenHash: manage.hash,
    },
  });
  paidBooking = { id, token: manage.token };
});
afterAll(async () => {
  registerSentry(undefined);
  await t.close();
});

type LogCall = (fields: unknown, message?: string) => void;
let logged: MockInstance<LogCall>;
beforeEach(() => {
  logged = vi.spyOn(logger, "error");
  vi.mocked(Sentry.isEnabled).mockReturnValue(false);
  vi.mocked(Sentry.captureException).mockClear();
});
afterEach(() => logged.mockRestore());

/** Runs `call` while a table the procedure reads is renamed away, then puts it back. */
async function withTableGone<T>(table: string, call: () => Promise<T>): Promise<T> {
  await t.db.$executeRawUnsafe(`ALTER TABLE "${table}" RENAME TO "${table}_gone"`);
  try {
    return await call();
  } finally {
    await t.db.$executeRawUnsafe(`ALTER TABLE "${table}_gone" RENAME TO "${table}"`);
  }
}

// Table names are left out: the procedure path ("booking.mine") legitimately names a model.
const INTERNALS = /prisma|sql|invocation|does not exist|relation "|find(First|Unique|Many)|\bat .+:\d+:\d+|node_modules|\/src\//i;

function expectGenericFailure(res: HttpResult): string {
  expect(res.status, res.text).toBe(500);
  const reference = res.error?.data.reference;
  expect(typeof reference).toBe("string");
  expect(res.error?.message).toBe(`Something went wrong on our side. Reference: ${String(reference)}`);
  expect(res.error?.data.stack).toBeUndefined();
  expect(res.error?.data.appCode).toBe("INTERNAL_SERVER_ERROR");
  expect(res.text).not.toMatch(INTERNALS);
  return String(reference);
}

/** The log line for an unexpected failure carries the reference and the real cause. */
function loggedReferences(): { reference: unknown; err: unknown }[] {
  return logged.mock.calls
    .map(([fields]) => fields as { reference?: unknown; err?: unknown } | null)
    .filter((o): o is { reference?: unknown; err?: unknown } => o !== null && typeof o === "object" && "reference" in o)
    .map((o) => ({ reference: o.reference, err: o.err }));
}

describe("an unexpected error over HTTP", () => {
  it("answers a generic message with a reference; the log line has the same reference and the detail", async () => {
    const res = await withTableGone("BuilderProfile", () => callHttp("builder.bySlug", "query", { slug: builderSlug }));
    const reference = expectGenericFailure(res);
    expect(reference).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const logs = loggedReferences();
    expect(logs).toHaveLength(1);
    expect(logs[0]?.reference).toBe(reference);
    expect(String((logs[0]?.err as Error).message)).toMatch(/BuilderProfile/);
    expect(Sentry.captureException).not.toHaveBeenCalled();
  });

  it("uses the Sentry event id as the reference when Sentry is on, reporting the real cause once", async () => {
    vi.mocked(Sentry.isEnabled).mockReturnValue(true);
    const res = await withTableGone("BuilderProfile", () => callHttp("builder.bySlug", "query", { slug: builderSlug }));
    expect(expectGenericFailure(res)).toBe("0123456789abcdef0123456789abcdef");
    expect(Sentry.captureException).toHaveBeenCalledTimes(1);
    expect(String((vi.mocked(Sentry.captureException).mock.calls[0]?.[0] as Error).message)).toMatch(/BuilderProfile/);
    expect(loggedReferences().map((l) => l.reference)).toEqual(["0123456789abcdef0123456789abcdef"]);
  });

  it("also for a signed-in caller whose context is built from the real session cookie", async () => {
    const { cookie } = await signUp();
    const res = await withTableGone("Booking", () => callHttp("booking.mine", "query", undefined, cookie));
    const reference = expectGenericFailure(res);
    expect(loggedReferences().map((l) => l.reference)).toEqual([reference]);
  });
});

describe("a database error next to a provider call is not a provider outage", () => {
  it("booking.checkout answers 500 with a reference, not 503 'Stripe is not reachable'", async () => {
    const res = await withTableGone("Booking", () =>
      callHttp("booking.checkout", "mutation", { id: paidBooking.id, manageToken: paidBooking.token }),
    );
    expect(res.error?.data.appCode).not.toBe("PROVIDER_UNAVAILABLE");
    expect(res.text).not.toMatch(/not reachable/);
    expectGenericFailure(res);
  });

  it("while Stripe itself being down is still a 503 with a plain message", async () => {
    const res = await callHttp("booking.checkout", "mutation", { id: paidBooking.id, manageToken: paidBooking.token });
    expect(res.status).toBe(503);
    expect(res.error?.message).toMatch(/Stripe is not reachable/);
  });

  it("slot.list for a Calendly-mapped session type answers 500, not 503 'Calendly is not reachable'", async () => {
    const day = futureHour(3).toISOString().slice(0, 10);
    const input = { sessionTypeId: calendlyTypeId, startDate: day, endDate: day, timeZone: "UTC" };
    const res = await withTableGone("SessionType", () => callHttp("slot.list", "query", input));
    expect(res.error?.data.appCode).not.toBe("PROVIDER_UNAVAILABLE");
    expectGenericFailure(res);
    // The same call with the table in place does reach Calendly, which is down: that is the 503.
    expect((await callHttp("slot.list", "query", input)).status).toBe(503);
  });
});

describe("a value the database refuses (SQLSTATE class 22) that got past the schemas", () => {
  it("answers 400 'Invalid input' without SQL text, and nothing is written", async () => {
    const { cookie } = await signUp("Narrow Column");
    const become = await callHttp(
      "builder.becomeBuilder",
      "mutation",
      { displayName: "Narrow", headline: "Short", bio: "", tags: [], timeZone: "UTC", slug: `narrow-${Date.now()}` },
      cookie,
    );
    expect(become.status, become.text).toBe(200);
    // Make the column narrower than the schema allows (existing rows fit), so PostgreSQL refuses with 22001.
    await t.db.$executeRawUnsafe(`ALTER TABLE "BuilderProfile" ALTER COLUMN headline TYPE varchar(20)`);
    try {
      const res = await callHttp("builder.updateProfile", "mutation", { headline: "A headline longer than twenty characters" }, cookie);
      expect(res.status, res.text).toBe(400);
      expect(res.error?.message).toBe("Invalid input");
      expect(res.error?.data.appCode).toBe("VALIDATION");
      expect(res.text).not.toMatch(/22001|too long|character varying|prisma|sql/i);
    } finally {
      await t.db.$executeRawUnsafe(`ALTER TABLE "BuilderProfile" ALTER COLUMN headline TYPE text`);
    }
    const profile = await t.db.builderProfile.findFirstOrThrow({ where: { displayName: "Narrow" } });
    expect(profile.headline).toBe("Short");
  });
});
