import { afterAll, beforeAll, describe, expect, it } from "vitest";
import superjson from "superjson";
import type { ZodType } from "zod";
import { manageTokenFor } from "@/modules/bookings/manage-token";
import { encodeCursor } from "@/modules/builders/list-builders";
import { getEnv } from "@/server/env";
import { futureHour } from "@/testing/factories";
import { startProviderHarness, type ProviderHarness } from "@/testing/provider-harness";
import { callHttp, send, signUp, trpcRequest, type HttpResult } from "@/testing/trpc-http";
import { appRouter } from "./router";

// Every procedure of the app router, found by enumeration (a new one fails the first test
// until it has a valid sample), gets hostile variants of a valid input, one field at a time,
// over the real HTTP handler as an anonymous visitor, a client and a builder signed in
// through better-auth. Nothing may answer 5xx, refusals are 4xx with a plain message, and
// no table changes.

type Actor = "anonymous" | "client" | "builder" | "admin";
type Path = (string | number)[];
type ProcedureDef = { type: "query" | "mutation" | "subscription"; inputs: ZodType[] };

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: ProcedureDef }>).map(([path, p]) => ({
  path,
  type: p._def.type as "query" | "mutation",
  inputs: p._def.inputs,
}));

let h: ProviderHarness;
const cookies: Record<Actor, string | undefined> = { anonymous: undefined, client: undefined, builder: undefined, admin: undefined };
let samples: Record<string, { actor: Actor; input: unknown }>;

const day = (offset: number) => futureHour(offset).toISOString().slice(0, 10);

beforeAll(async () => {
  h = await startProviderHarness();
  const client = await signUp("Fuzz Client");
  const builder = await signUp("Fuzz Builder");
  cookies.client = client.cookie;
  cookies.builder = builder.cookie;
  // Admins are made in the database (there is no sign-up for them); the role is re-read per call.
  const admin = await signUp("Fuzz Admin");
  await h.db.user.update({ where: { id: admin.userId }, data: { role: "ADMIN" } });
  cookies.admin = admin.cookie;
  const ok = (res: HttpResult) => {
    if (res.status !== 200) throw new Error(`fixture call failed: ${res.status} ${res.text}`);
    return res.data as { json: Record<string, unknown> };
  };
  const profile = ok(
    await callHttp(
      "builder.becomeBuilder",
      "mutation",
      { displayName: "Fuzz Builder", headline: "Builds", bio: "", tags: ["fuzz"], timeZone: "UTC", slug: "fuzz-builder" },
      builder.cookie,
    ),
  ).json;
  ok(await callHttp("builder.updateProfile", "mutation", { published: true }, builder.cookie));
  const availability = {
    timeZone: "UTC",
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 0,
    bookingWindowDays: 365,
    rules: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: 0, endMinute: 1440 })),
    overrides: [
      { date: day(40), kind: "EXTRA", startMinute: 600, endMinute: 660 },
      { date: day(41), kind: "CLOSED", startMinute: null, endMinute: null },
    ],
  };
  ok(await callHttp("availability.update", "mutation", availability, builder.cookie));
  const typeFields = {
    title: "Fuzz session",
    slug: "fuzz-session",
    description: "About\n\tit",
    durationMinutes: 30,
    priceCents: 0,
    currency: "usd",
  };
  const type = ok(await callHttp("sessionType.create", "mutation", typeFields, builder.cookie)).json;
  const booked = ok(await callHttp("booking.create", "mutation", { sessionTypeId: type.id, startTime: futureHour(5) }, client.cookie))
    .json as { booking: { id: string } };
  const bookingId = booked.booking.id;
  const manageToken = manageTokenFor(bookingId, getEnv().BETTER_AUTH_SECRET).token;
  // The console's rows: real ids, so its queries answer 200 and its actions reach their checks.
  const outboxId = (await h.db.outboxMessage.findFirstOrThrow({ where: { bookingId }, select: { id: true } })).id;
  // Already processed: no worker picks it up while the rows are compared.
  const webhookEventId = (
    await h.db.webhookEvent.create({
      data: { provider: "STRIPE", externalId: "evt_fuzz", type: "checkout.session.completed", status: "PROCESSED", payload: {}, bookingId },
    })
  ).id;
  const reason = "Fuzzing\nthe console";
  const metricsRange = { from: day(-30), to: day(0) };

  samples = {
    "builder.list": {
      actor: "anonymous",
      input: {
        q: "fuzz",
        tag: "fuzz",
        minPriceCents: 0,
        maxPriceCents: 5000,
        cursor: encodeCursor({ displayName: "A", id: "a" }),
        limit: 12,
        direction: "forward",
      },
    },
    "builder.bySlug": { actor: "anonymous", input: { slug: "fuzz-builder" } },
    "builder.becomeBuilder": {
      actor: "client",
      input: {
        displayName: "Client Builder",
        headline: "Builds too",
        bio: "Line\nTwo",
        tags: ["x"],
        timeZone: "Asia/Kathmandu",
        slug: "client-builder",
      },
    },
    "builder.updateProfile": {
      actor: "builder",
      input: { displayName: "Fuzz Builder", headline: "Builds", bio: "One\n\ttwo", tags: ["a", "b"], timeZone: "UTC", published: true },
    },
    "sessionType.listByBuilder": { actor: "anonymous", input: { builderId: profile.id } },
    "sessionType.create": { actor: "builder", input: { ...typeFields, slug: "fuzz-session-two" } },
    "sessionType.update": { actor: "builder", input: { id: type.id, ...typeFields } },
    "sessionType.linkCalendly": { actor: "builder", input: { id: type.id, eventTypeUri: null } },
    "sessionType.archive": { actor: "builder", input: { id: type.id } },
    "sessionType.unarchive": { actor: "builder", input: { id: type.id } },
    // One rule and the two kinds of override reach every field; more would only repeat them.
    "availability.update": { actor: "builder", input: { ...availability, rules: availability.rules.slice(0, 1) } },
    "slot.list": { actor: "anonymous", input: { sessionTypeId: type.id, startDate: day(1), endDate: day(7), timeZone: "Europe/Berlin" } },
    "booking.create": {
      actor: "anonymous",
      input: { sessionTypeId: type.id, startTime: futureHour(7), clientName: "Guest", clientEmail: "guest@example.test" },
    },
    // A free, confirmed booking: checkout refuses it (409) before any call to Stripe.
    "booking.checkout": { actor: "client", input: { id: bookingId, manageToken } },
    "booking.forBuilder": { actor: "builder", input: { scope: "upcoming" } },
    "booking.byId": { actor: "client", input: { id: bookingId, manageToken } },
    "booking.cancel": { actor: "client", input: { id: bookingId, manageToken, reason: "Cannot make it\nSorry" } },
    "booking.reschedule": { actor: "client", input: { id: bookingId, manageToken, newStartTime: futureHour(6) } },
    "admin.setLever": { actor: "admin", input: { lever: "BOOKINGS_CLOSED", value: false, reason: "Fuzzing\nthe levers" } },
    "viewer.setTimeZone": { actor: "client", input: { timeZone: "Asia/Kathmandu" } },
    "admin.bookings.list": {
      actor: "admin",
      input: {
        status: "CONFIRMED",
        paymentStatus: "NOT_REQUIRED",
        needsAttention: false,
        builder: "fuzz",
        clientEmail: "example.test",
        from: day(0),
        to: day(30),
        page: 1,
      },
    },
    "admin.bookings.byId": { actor: "admin", input: { id: bookingId } },
    "admin.bookings.confirm": { actor: "admin", input: { id: bookingId, reason } },
    "admin.bookings.cancel": { actor: "admin", input: { id: bookingId, refund: "policy", reason } },
    // "amount" reaches amountCents, which a full refund leaves out.
    "admin.bookings.refund": { actor: "admin", input: { id: bookingId, mode: "amount", amountCents: 1000, reason } },
    "admin.bookings.resendEmail": { actor: "admin", input: { id: bookingId, outboxId, reason } },
    "admin.bookings.resolveAttention": { actor: "admin", input: { id: bookingId, reason } },
    "admin.outbox.list": { actor: "admin", input: { status: "FAILED", kind: "EMAIL_CONFIRMATION", page: 1 } },
    "admin.outbox.retry": { actor: "admin", input: { outboxId, reason } },
    "admin.outbox.abandon": { actor: "admin", input: { outboxId, reason } },
    "admin.audit.list": {
      actor: "admin",
      input: { action: "lever.set", targetType: "RuntimeLever", targetId: "BOOKINGS_CLOSED", actor: "fuzz", page: 1 },
    },
    "admin.webhooks.list": { actor: "admin", input: { provider: "STRIPE", status: "FAILED", type: "checkout", page: 1 } },
    "admin.webhooks.get": { actor: "admin", input: { id: webhookEventId } },
    "admin.webhooks.applyHeld": { actor: "admin", input: { id: webhookEventId, reason } },
    "admin.webhooks.replay": { actor: "admin", input: { id: webhookEventId, reason } },
    "admin.webhooks.dismiss": { actor: "admin", input: { id: webhookEventId, reason } },
    "admin.webhooks.replayFailed": { actor: "admin", input: { reason } },
    "admin.metrics.overview": { actor: "admin", input: { range: metricsRange, limit: 10 } },
    "admin.metrics.conversion": { actor: "admin", input: metricsRange },
    "admin.metrics.payments": { actor: "admin", input: metricsRange },
    "admin.metrics.popularity": { actor: "admin", input: { range: metricsRange, limit: 10 } },
    "admin.metrics.revenue": { actor: "admin", input: metricsRange },
  };
}, 120_000);
afterAll(async () => h.close());

// ---- hostile values --------------------------------------------------------------------

/** Refused by every string field: control characters (C0, DEL, C1), lone surrogates, huge, wrong types. */
const CONTROLS = ["\u0000", "\u0001", "\u001b", "\u007f", "\u0085", "\u009b", "\udc00"];
const ONE_MB = "x".repeat(1 << 20);
/** Past every limit too; the 1 MB one costs ~150 ms a request, so it goes to one field per procedure. */
const HUNDRED_KB = "x".repeat(100_000);
const refusedStrings: unknown[] = [...CONTROLS.map((c) => `ok${c}ok`), HUNDRED_KB, 42, {}];
const refusedNumbers: unknown[] = [2 ** 31, 2 ** 53 - 1, -(2 ** 31) - 1, -1, 1.5, NaN, Infinity, -Infinity, "1"];
const refusedBooleans: unknown[] = ["true", 1, 0, null, {}, "ok\u0000ok"];
const INVALID_DATE = Symbol("invalid date");
const refusedDates = (): unknown[] => [
  new Date(8.64e15),
  new Date(-8.64e15),
  new Date("0001-01-01T00:00:00Z"),
  new Date(Date.UTC(9999, 11, 31)),
  new Date(Date.now() + 400 * 86_400_000),
  new Date(Date.now() - 30 * 86_400_000),
  INVALID_DATE,
  new Date().toISOString(),
  Date.now(),
  null,
];
const refusedContainers: unknown[] = ["ok\u0000ok", 42, null];
/**
 * Keys no input declares: inputs are strict objects, so each is refused. "__proto__" never
 * gets that far: superjson drops it while decoding (it must pollute nothing), so the input is
 * the valid sample again, and it is sent to queries only.
 */
const extraKeys = ["__proto__", "constructor", "prototype", "unexpectedField"];
/** Field-specific values that are refused too. */
const refusedByKey: Record<string, unknown[]> = {
  timeZone: ["Mars/Olympus", "Etc/GMT+99", "UTC\u0000"],
  startDate: ["0001-01-01", "9999-12-31", "275760-09-13", "-271821-04-20", "2026-02-30"],
  endDate: ["0001-01-01", "9999-12-31", "275760-09-13", "-271821-04-20", "2026-02-30"],
  date: ["275760-09-13", "-271821-04-20", "2026-02-30", "2026-13-01"],
};
/** Values that may be valid somewhere (so only sent to queries, which cannot write). */
const oddButMaybeValid: unknown[] = ["__proto__", "constructor", "", "a\nb", "\u202eevil", '\'; DROP TABLE "User"; --', null, 0, undefined];

type Variant = { label: string; path: Path; mustRefuse: boolean; encoded: string | null };

function encode(input: unknown, patch?: (json: unknown) => void): string | null {
  if (input === undefined) return null;
  // A copy: the patch must never reach the shared sample through a reference superjson kept.
  const serialized = superjson.serialize(patch ? structuredClone(input) : input) as { json: unknown; meta?: unknown };
  patch?.(serialized.json);
  return JSON.stringify(serialized);
}

function at(root: unknown, path: Path): Record<string | number, unknown> {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root) as Record<string | number, unknown>;
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root);
  at(copy, path.slice(0, -1))[path.at(-1)!] = value;
  return copy;
}

const describeValue = (v: unknown) =>
  v === INVALID_DATE
    ? "Invalid Date"
    : v instanceof Date
      ? `Date(${v.getTime()})`
      : typeof v === "string" && v.length > 40
        ? `string(${v.length})`
        : (JSON.stringify(v) ?? String(v));

function variantsFor(sample: unknown): Variant[] {
  const variants: Variant[] = [];
  let oneMegabyteSent = false;
  const add = (path: Path, value: unknown, mustRefuse: boolean) => {
    const label = `${path.join(".") || "(input)"} = ${describeValue(value)}`;
    if (value === INVALID_DATE) {
      // superjson cannot encode an invalid Date; send what a hand-made request would.
      const encoded = encode(setAt(sample, path, new Date(0)), (json) => {
        if (path.length === 0) throw new Error("root date");
        at(json, path.slice(0, -1))[path.at(-1)!] = "not a date";
      });
      variants.push({ label, path, mustRefuse, encoded });
    } else {
      variants.push({ label, path, mustRefuse, encoded: encode(setAt(sample, path, value)) });
    }
  };
  const walk = (value: unknown, path: Path) => {
    const key = String(path.at(-1) ?? "");
    const forKey = (refusedByKey[key] ?? []).map((v) => [v, true] as const);
    const odd = oddButMaybeValid.map((v) => [v, false] as const);
    const own = (values: unknown[]) => values.map((v) => [v, true] as const);
    let candidates: (readonly [unknown, boolean])[];
    if (value instanceof Date) candidates = own(refusedDates());
    else if (Array.isArray(value)) {
      candidates = [...own(refusedContainers), [Array(10_000).fill(value[0] ?? "x"), true], ...odd];
      value.forEach((item, i) => walk(item, [...path, i]));
    } else if (value !== null && typeof value === "object") {
      candidates = path.length === 0 ? [["x", true], [42, true], [[], true], [null, true], ...odd] : [...own(refusedContainers), ...odd];
      for (const extra of extraKeys) {
        const label = `${[...path, extra].join(".")} (extra key)`;
        const encoded = encode(sample, (json) => {
          Object.defineProperty(at(json, path), extra, { value: { polluted: true }, enumerable: true, configurable: true, writable: true });
        });
        variants.push({ label, path: [...path, extra], mustRefuse: extra !== "__proto__", encoded });
      }
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    } else if (typeof value === "string") {
      candidates = [...own(refusedStrings), ...forKey, ...odd];
      if (!oneMegabyteSent) candidates.push([ONE_MB, true]);
      oneMegabyteSent = true;
    } else if (typeof value === "number") candidates = [...own(refusedNumbers), ...odd];
    else if (typeof value === "boolean") candidates = [...own(refusedBooleans), ...odd];
    // null: a nullable field; everything that is wrong for a string or a number is wrong here too.
    else candidates = [...own(refusedStrings), ...own(refusedNumbers.filter((n) => n !== null)), ...odd];
    for (const [v, mustRefuse] of candidates) add(path, v, mustRefuse);
  };
  walk(sample, []);
  return variants;
}

/** Raw bodies a hand-made client could send: broken JSON and superjson meta abuse. */
function rawVariants(sample: unknown): Variant[] {
  const json = superjson.serialize(sample).json;
  const raw = (label: string, encoded: string): Variant => ({ label, path: [], mustRefuse: true, encoded });
  return [
    raw("not JSON", "{not json"),
    raw("JSON without the superjson envelope", JSON.stringify({ nope: true })),
    raw("meta path through __proto__", JSON.stringify({ json, meta: { values: { "__proto__.polluted": ["Date"] } } })),
    raw(
      "meta path through constructor.prototype",
      JSON.stringify({ json, meta: { values: { "constructor.prototype.polluted": ["Date"] } } }),
    ),
    raw("meta with an unknown custom type", JSON.stringify({ json, meta: { values: [["custom", "Nope"]] } })),
    raw("meta bigint that does not parse", JSON.stringify({ json: "abc", meta: { values: ["bigint"] } })),
    raw("meta regexp that does not compile", JSON.stringify({ json: "/(/", meta: { values: ["regexp"] } })),
    raw("meta referential equality to __proto__", JSON.stringify({ json, meta: { referentialEqualities: { "": ["__proto__"] } } })),
    raw("deeply nested arrays", `{"json":${"[".repeat(5000)}${"]".repeat(5000)}}`),
  ];
}

// ---- checks ----------------------------------------------------------------------------

const LEAKS =
  /prisma|\bsql\b|sqlstate|invalid input syntax|invalid byte sequence|out of range for type|invocation|\bat .+:\d+:\d+|node_modules|\b(?:08|22|23|25|40|42|53|54|55|57|58|XX)[0-9A-Z]{3}\b/i;

type Failure = string;

function check(result: HttpResult, v: Variant, ctx: { path: string; actor: Actor; sampleActor: Actor; type: string }): Failure[] {
  const where = `${ctx.path} as ${ctx.actor}: ${v.label}`;
  const failures: Failure[] = [];
  const message = result.error?.message ?? "";
  if (result.status >= 500) failures.push(`${where} -> ${result.status} ${result.text.slice(0, 300)}`);
  if (result.status >= 400) {
    if (!message.trim()) failures.push(`${where} -> ${result.status} without a message`);
    // The message and codes, not the echoed input (a zod path may repeat a hostile key).
    const visible = JSON.stringify({ message, data: { ...result.error?.data, path: undefined, zodIssues: undefined } });
    if (LEAKS.test(visible)) failures.push(`${where} -> leaks internals: ${visible.slice(0, 300)}`);
    if (result.error?.data && "stack" in result.error.data && result.error.data.stack != null) failures.push(`${where} -> has a stack`);
  }
  if (v.mustRefuse && (result.status < 400 || result.status >= 500)) failures.push(`${where} -> ${result.status}, expected a refusal`);
  // From the sample's own actor a refusal must come from validation of that very field, so the
  // variant reached the input schema (not a sign-in check or a different, unrelated field).
  if (v.mustRefuse && ctx.actor === ctx.sampleActor && result.status !== 400) {
    failures.push(`${where} -> ${result.status}, expected 400 (${message.slice(0, 120)})`);
  }
  const issues = (result.error?.data.zodIssues ?? null) as { path: string[] }[] | null;
  if (v.mustRefuse && ctx.actor === ctx.sampleActor && issues && v.path.length > 0) {
    const mutated = v.path.map(String);
    const related = issues.some((i) => {
      const n = Math.min(i.path.length, mutated.length);
      return i.path.slice(0, n).join(".") === mutated.slice(0, n).join(".");
    });
    if (!related) failures.push(`${where} -> refused for another field: ${message.slice(0, 200)}`);
  }
  return failures;
}

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

const TABLES = [
  "User",
  "Session",
  "Account",
  "Verification",
  "BuilderProfile",
  "SessionType",
  "AvailabilityRule",
  "AvailabilityOverride",
  "Booking",
  "OutboxMessage",
  "WebhookEvent",
  "RuntimeLever",
  "AuditLog",
];

/** Row count and a digest of every row, per table: an update shows as well as an insert. */
async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const [row] = await h.db.$queryRawUnsafe<{ n: number; digest: string }[]>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${table}" t`,
    );
    out[table] = `${row?.n} rows, ${row?.digest}`;
  }
  return out;
}

// ---- tests -----------------------------------------------------------------------------

describe("hostile input over the real HTTP handler", () => {
  it("has a valid sample for every procedure that takes input, accepted by its own schema", () => {
    const withInput = procedures.filter((p) => p.inputs.length > 0).map((p) => p.path);
    expect(
      withInput.filter((p) => !samples[p]),
      "add a valid sample for these procedures",
    ).toEqual([]);
    expect(withInput.length).toBeGreaterThanOrEqual(16);
    for (const path of withInput) {
      const { inputs } = procedures.find((p) => p.path === path)!;
      for (const schema of inputs) {
        const parsed = schema.safeParse(samples[path]!.input);
        expect(parsed.success, `${path}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      }
    }
  });

  it("answers the valid samples of queries with 200 (so the variants start from inputs that work)", async () => {
    for (const p of procedures.filter((p) => p.type === "query" && samples[p.path])) {
      const { actor, input } = samples[p.path]!;
      const res = await callHttp(p.path, p.type, input, cookies[actor]);
      expect(res.status, `${p.path}: ${res.text.slice(0, 300)}`).toBe(200);
    }
  });

  it("never answers 5xx, refuses with a plain 4xx message, and changes no row", { timeout: 120_000 }, async () => {
    const before = await snapshot();
    const jobs: { path: string; type: "query" | "mutation"; actor: Actor; sampleActor: Actor; v: Variant }[] = [];
    for (const p of procedures) {
      const sample = samples[p.path];
      const variants = sample
        ? [...variantsFor(sample.input), ...rawVariants(sample.input)]
        : // No input declared: whatever arrives is ignored; it must not crash anything.
          [...rawVariants({ any: "thing" }), ...variantsFor({ any: "ok" }).slice(0, 8)].map((v) => ({ ...v, mustRefuse: false }));
      const sampleActor = sample?.actor ?? "anonymous";
      const others = (["anonymous", "client", "builder"] as const).filter((a) => a !== sampleActor);
      variants.forEach((v, i) => {
        // Mutations only get values that must be refused: a "maybe valid" one could write.
        if (p.type === "mutation" && !v.mustRefuse) return;
        jobs.push({ path: p.path, type: p.type, actor: sampleActor, sampleActor, v });
        // Every fourth variant is sent as one of the other two actors as well, in turn (each
        // request with a session costs ~10 ms of Prisma and better-auth CPU; this keeps the run short).
        if (i % 4 === 0 && !v.label.includes("string(1048576)")) {
          jobs.push({ path: p.path, type: p.type, actor: others[(i / 4) % 2]!, sampleActor, v });
        }
      });
    }
    const failures: Failure[] = [];
    const statuses = new Map<number, number>();
    await inBatches(jobs, 12, async (job) => {
      const result = await send(trpcRequest(job.path, job.type, job.v.encoded, cookies[job.actor]));
      statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
      failures.push(...check(result, job.v, { path: job.path, actor: job.actor, sampleActor: job.sampleActor, type: job.type }));
    });
    expect(failures.slice(0, 60), `${failures.length} failures of ${jobs.length} requests`).toEqual([]);
    expect(jobs.length, "requests sent").toBeGreaterThan(1200);
    // The bulk of refusals come from validation of the hostile field itself.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(jobs.length / 2);
    expect(await snapshot()).toEqual(before);
    // The handler runs in this process: a "__proto__" that got through would show here.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses each call of a batch on its own, never failing the whole request", async () => {
    // Values each of which reached PostgreSQL (22021, 22003) before the schemas refused them.
    const calls: [string, unknown][] = [
      ["builder.list", { q: "ok\u0000" }],
      ["builder.list", { minPriceCents: 2 ** 31 }],
      ["booking.byId", { id: "ok\u0000" }],
      ["sessionType.listByBuilder", { builderId: "ok\u0000" }],
      ["slot.list", { ...(samples["slot.list"]!.input as object), startDate: "0001-01-01", endDate: "0001-01-01" }],
    ];
    const inputs = Object.fromEntries(calls.map(([, input], i) => [i, superjson.serialize(input)]));
    const paths = calls.map(([path]) => path).join(",");
    const res = await send(
      new Request(`http://localhost:3000/api/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(inputs))}`, {
        headers: { cookie: cookies.builder! },
      }),
    );
    expect(res.status, res.text.slice(0, 500)).toBeLessThan(500);
    const items = JSON.parse(res.text) as { error?: { json: { message: string; data: { httpStatus: number } } } }[];
    expect(items).toHaveLength(calls.length);
    for (const item of items) {
      expect(item.error?.json.data.httpStatus, JSON.stringify(item).slice(0, 300)).toBe(400);
      expect(item.error?.json.message).not.toMatch(LEAKS);
    }
  });
});
