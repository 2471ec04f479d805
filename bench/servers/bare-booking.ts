// booking.create for the bare server: the statements the app sent for one booking
// (bench/lib/booking-capture.ts), replayed with this request's session type, start and fresh
// ids: the same round trips, one transaction on one connection, the outbox kick after the
// answer. No validation, no auth, no ORM: what the database work costs on its own.
import { randomBytes, randomUUID } from "node:crypto";
import type pg from "pg";
import type { BookingReplay, Param, ReplayStatement } from "../lib/booking-capture";

type Request = { sessionTypeId: string; builderId: string; start: number; now: number; fresh: Map<string, string> };

const timestamp = (ms: number) => new Date(ms).toISOString().replace("T", " ").replace("Z", "");
const freshValue = {
  uuid: () => randomUUID(),
  hex64: () => randomBytes(32).toString("hex"),
  cuid: () => `c${randomBytes(12).toString("hex")}`,
};

function resolve(param: Param, req: Request): unknown {
  if ("literal" in param) return param.literal;
  if ("ref" in param) return req[param.ref];
  if ("array" in param) return param.array.map((p) => resolve(p, req));
  const freshFor = (key: string, kind: keyof typeof freshValue) => {
    if (!req.fresh.has(key)) req.fresh.set(key, freshValue[kind]());
    return req.fresh.get(key)!;
  };
  if ("fresh" in param) return freshFor(param.key, param.fresh);
  if ("template" in param) return param.keys.reduce((text, key) => text.replaceAll(key, req.fresh.get(key) ?? key), param.template);
  return timestamp((param.from === "start" ? req.start : req.now) + param.offsetMs);
}

const run = (db: pg.Pool | pg.PoolClient, s: ReplayStatement, req: Request) =>
  db.query(
    s.sql,
    s.params.map((p) => resolve(p, req)),
  );

/** Parses the tRPC (superjson) body the client sends: { json: { sessionTypeId, startTime } }. */
export function parseBookingInput(body: string): { sessionTypeId: string; start: number } {
  const { json } = JSON.parse(body) as { json: { sessionTypeId: string; startTime: string } };
  return { sessionTypeId: json.sessionTypeId, start: Date.parse(json.startTime) };
}

/** Returns the HTTP status and body; 409 when the exclusion constraint refuses the slot, as the app answers. */
export async function replayBookingCreate(pool: pg.Pool, replay: BookingReplay, body: string): Promise<{ status: number; body: string }> {
  const input = parseBookingInput(body);
  const req: Request = {
    sessionTypeId: input.sessionTypeId,
    builderId: input.sessionTypeId.replace("bench_book_type_", "bench_book_builder_"),
    start: input.start,
    now: Date.now(),
    fresh: new Map(),
  };
  for (const s of replay.before) await run(pool, s, req);
  const client = await pool.connect();
  let rows: unknown[] = [];
  try {
    await client.query("BEGIN");
    for (const s of replay.transaction) {
      const result = await run(client, s, req);
      if (result.rows.length) rows = result.rows;
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    if ((error as { code?: string }).code === "23P01")
      return { status: 409, body: JSON.stringify({ error: { message: "Slot no longer available" } }) };
    throw error;
  } finally {
    client.release();
  }
  // The app answers, then kicks the outbox; errors there are only logged by the app too.
  void (async () => {
    for (const s of replay.after) await run(pool, s, req);
  })().catch(() => {});
  return { status: 200, body: JSON.stringify({ result: { data: { json: { booking: rows[0] ?? null } } } }) };
}
