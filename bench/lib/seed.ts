// Bulk seed for the benchmark database. Everything is generated server-side with
// INSERT ... SELECT generate_series: 60k rows in a few statements (2-5 s) instead of
// 60k Prisma round trips. Values are derived from the row number with md5/modulo, so
// every run sees the same data and names collide the way real ones do (the list's
// "displayName, id" order then really needs its tie-breaker).
import pg from "pg";
import { seedBookingBuilders } from "./seed-bookings";

export const BUILDER_COUNT = 10_000;
export const TYPES_PER_BUILDER = 5;
export const SLOT_BOOKINGS = 500;
export const SLOT_DAYS = 31;
export const SLOT_ZONE = "America/New_York";
export const SLOT_SESSION_TYPE_ID = "bench_slot_type";
const SLOT_BUILDER_ID = "bench_slot_builder";

// prettier-ignore
const FIRST = ["Ada", "Grace", "Linus", "Margaret", "Tim", "Radia", "Anders", "Sophie", "Sita", "Moira", "Kenji", "Amara", "Barbara", "Dennis", "Ken", "Frances", "Edsger", "Donald", "Leslie", "Hedy", "Alan", "Katherine", "John", "Bjarne", "Guido", "Yukihiro", "Rich", "Joe", "Jean", "Evelyn"];
// prettier-ignore
const LAST = ["Lovelace", "Hopper", "Torvalds", "Hamilton", "Lee", "Perlman", "Hejlsberg", "Wilson", "Gurung", "Brien", "Sato", "Okafor", "Liskov", "Ritchie", "Thompson", "Allen", "Dijkstra", "Knuth", "Lamport", "Lamarr", "Turing", "Johnson", "Backus", "Stroustrup", "Rossum", "Matsumoto", "Hickey", "Armstrong", "Sammet", "Berezin"];
// prettier-ignore
const TAGS = ["typescript", "react", "postgres", "rust", "go", "python", "devops", "kubernetes", "aws", "mobile", "testing", "security", "performance", "data", "ml", "product", "mentoring", "apis", "frontend", "backend", "career", "architecture", "startups", "design"];
// prettier-ignore
const ZONES = ["America/New_York", "Europe/London", "Europe/Berlin", "Asia/Tokyo", "America/Los_Angeles", "Asia/Kolkata", "Australia/Sydney", "America/Sao_Paulo"];

const arr = (values: string[]) => `ARRAY[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(",")}]`;

// md5-derived ints: stable pseudo-random picks without a client-side RNG.
// `text` is a SQL text expression; the result is an int in [0, 2^28).
const h = (text: string) => `('x' || substr(md5(${text}), 1, 7))::bit(28)::int`;

const builderSql = `
WITH g AS (SELECT i FROM generate_series(1, ${BUILDER_COUNT}) AS i)
, u AS (
  INSERT INTO "User" (id, name, email, role, "updatedAt")
  SELECT 'bench_user_' || i, 'Builder ' || i, 'builder-' || i || '@bench.test', 'BUILDER', now() FROM g
  RETURNING id
)
INSERT INTO "BuilderProfile" (id, "userId", slug, "displayName", headline, bio, tags, "timeZone", published, "updatedAt")
SELECT
  -- cuid-shaped ids (25 chars) so index/row widths match production.
  'c' || substr(md5(i::text || 'b'), 1, 24),
  'bench_user_' || i,
  'builder-' || i,
  (${arr(FIRST)})[1 + ${h("i || 'f'")} % ${FIRST.length}] || ' ' || (${arr(LAST)})[1 + ${h("i || 'l'")} % ${LAST.length}],
  'Helps teams ship ' || (${arr(TAGS)})[1 + ${h("i || 'h'")} % ${TAGS.length}] || ' faster',
  repeat('Experienced engineer and mentor. ', 3 + ${h("i || 'bio'")} % 10),
  -- 1..4 distinct tags per builder.
  ARRAY(SELECT DISTINCT (${arr(TAGS)})[1 + ${h("i || 't' || k")} % ${TAGS.length}] FROM generate_series(1, 1 + ${h("i || 'n'")} % 4) AS k),
  (${arr(ZONES)})[1 + ${h("i || 'z'")} % ${ZONES.length}],
  true,
  now()
FROM g`;

const sessionTypeSql = `
INSERT INTO "SessionType" (id, "builderId", title, slug, description, "durationMinutes", "priceCents", currency, active, "updatedAt")
SELECT
  'c' || substr(md5(b.id || k::text), 1, 24),
  b.id,
  CASE WHEN k = 1 THEN 'Intro call' ELSE 'Session ' || k END,
  'type-' || k,
  'A focused session on your codebase.',
  (ARRAY[15, 30, 45, 60, 90])[k],
  -- Type 1 is always free; a third of builders are free only; the rest charge 20-400 USD.
  CASE WHEN k = 1 OR ${h("b.id || 'free'")} % 3 = 0 THEN 0 ELSE (20 + ${h("b.id || k || 'p'")} % 381) * 100 END,
  (ARRAY['usd', 'usd', 'usd', 'eur', 'gbp'])[1 + ${h("b.id || 'cur'")} % 5],
  -- About 1 in 10 types is inactive, so the list's "active = true" relation filter matters.
  ${h("b.id || k || 'act'")} % 10 <> 0,
  now()
FROM "BuilderProfile" b CROSS JOIN generate_series(1, ${TYPES_PER_BUILDER}) AS k`;

// The slot builder: 08:00-20:00 every day in New York, 30-minute sessions, and 500
// confirmed bookings on distinct half-hour positions of the next 31 local days, so they
// cannot overlap (the exclusion constraint would reject the insert otherwise).
const slotBuilderSql = [
  `INSERT INTO "User" (id, name, email, role, "updatedAt") VALUES ('bench_slot_user', 'Slot Builder', 'slot@bench.test', 'BUILDER', now())`,
  `INSERT INTO "BuilderProfile" (id, "userId", slug, "displayName", headline, bio, tags, "timeZone", published, "minimumNoticeMinutes", "bookingWindowDays", "updatedAt")
   VALUES ('${SLOT_BUILDER_ID}', 'bench_slot_user', 'bench-slot-builder', 'Zz Slot Builder', 'Busy calendar', 'Benchmark builder', ARRAY['testing'], '${SLOT_ZONE}', true, 120, 60, now())`,
  `INSERT INTO "SessionType" (id, "builderId", title, slug, description, "durationMinutes", "priceCents", currency, "updatedAt")
   VALUES ('${SLOT_SESSION_TYPE_ID}', '${SLOT_BUILDER_ID}', 'Pairing', 'pairing', 'Half an hour', 30, 5000, 'usd', now())`,
  `INSERT INTO "AvailabilityRule" (id, "builderId", weekday, "startMinute", "endMinute")
   SELECT 'bench_rule_' || d, '${SLOT_BUILDER_ID}', d, 480, 1200 FROM generate_series(1, 7) AS d`,
  `INSERT INTO "Booking" (id, "sessionTypeId", "builderId", "clientName", "clientEmail", "startTime", "endTime", status, "paymentStatus", "priceCents", currency, "updatedAt")
   SELECT 'bench_booking_' || n, '${SLOT_SESSION_TYPE_ID}', '${SLOT_BUILDER_ID}', 'Client ' || n, 'client-' || n || '@bench.test',
          t, t + interval '30 minutes', 'CONFIRMED', 'PAID', 5000, 'usd', now()
   FROM (
     SELECT row_number() OVER () AS n,
            (((now() AT TIME ZONE '${SLOT_ZONE}')::date + 1 + d) + time '08:00' + s * interval '30 minutes') AT TIME ZONE '${SLOT_ZONE}' AS t
     FROM (SELECT d, s FROM generate_series(0, ${SLOT_DAYS - 1}) AS d, generate_series(0, 23) AS s
           ORDER BY md5(d || '-' || s) LIMIT ${SLOT_BOOKINGS}) AS picks
   ) AS b`,
];

export type SeedStats = { builders: number; sessionTypes: number; bookings: number; ms: number };

export async function seed(url: string): Promise<SeedStats> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(builderSql);
    await client.query(sessionTypeSql);
    for (const sql of slotBuilderSql) await client.query(sql);
    await seedBookingBuilders(client);
    await client.query("COMMIT");
    // Fresh tables have no planner statistics until autovacuum gets to them; a real
    // database has them, so measure with them.
    await client.query("ANALYZE");
    const { rows } = await client.query<{ b: string; s: string; k: string }>(
      `SELECT (SELECT count(*) FROM "BuilderProfile" WHERE published) AS b, (SELECT count(*) FROM "SessionType") AS s, (SELECT count(*) FROM "Booking") AS k`,
    );
    const r = rows[0]!;
    return { builders: Number(r.b), sessionTypes: Number(r.s), bookings: Number(r.k), ms: performance.now() - started };
  } finally {
    await client.end();
  }
}
