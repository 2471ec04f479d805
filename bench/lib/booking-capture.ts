// Captures every statement one booking.create sends (through the app's own router, in this
// process, for a signed-in client), so the bare server can replay the same statements with
// the same round trips, transaction and connection checkouts. Taken at the pg driver, below
// Prisma: values as sent. The outbox kick that follows the answer (owed rows, live-job
// check, pg-boss insert) is captured too; the bare server runs it after answering, as the app does.
import pg from "pg";
import type { PrismaClient } from "../../src/generated/prisma/client";
import { setDbForTests } from "../../src/server/db/client";
import { resetEnvForTests } from "../../src/server/env";
import { getBoss, stopBoss } from "../../src/server/jobs/boss";
import { createContextInner } from "../../src/server/trpc/context";
import { createCaller } from "../../src/server/trpc/router";

/** A value as captured, or one the replay derives per request. */
export type Param =
  | { literal: unknown }
  | { ref: "sessionTypeId" | "builderId" }
  /** Unique per booking (its id, the manage-token hash, the outbox row id): a fresh value per request, the same across its statements. */
  | { fresh: "uuid" | "hex64" | "cuid"; key: string }
  /** A timestamp relative to the requested start, or to the moment of the request. */
  | { from: "start" | "now"; offsetMs: number }
  /** A string or array that contains fresh values (pg-boss's job JSON, the live-job check's id list). */
  | { template: string; keys: string[] }
  | { array: Param[] };
export type ReplayStatement = { sql: string; params: Param[] };
/** before: on pooled connections; transaction: BEGIN..COMMIT on one connection; after: once answered. */
export type BookingReplay = { before: ReplayStatement[]; transaction: ReplayStatement[]; after: ReplayStatement[] };

const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type Captured = { sql: string; values: unknown[] };
type Known = { sessionTypeId: string; builderId: string; start: number; before: number; after: number; freshKeys: string[] };

function freshKind(value: unknown): "uuid" | "hex64" | "cuid" | null {
  if (typeof value !== "string") return null;
  if (UUID.test(value)) return "uuid";
  if (/^[0-9a-f]{64}$/.test(value)) return "hex64";
  return /^c[a-z0-9]{24}$/.test(value) ? "cuid" : null;
}

function toParam(value: unknown, known: Known): Param {
  if (Array.isArray(value)) return { array: value.map((v) => toParam(v, known)) };
  if (typeof value !== "string") return { literal: value ?? null };
  if (value === known.sessionTypeId) return { ref: "sessionTypeId" };
  if (value === known.builderId) return { ref: "builderId" };
  const kind = freshKind(value);
  if (kind) return { fresh: kind, key: value };
  const keys = known.freshKeys.filter((key) => value.includes(key));
  if (keys.length) return { template: value, keys };
  if (TIMESTAMP.test(value)) {
    const at = Date.parse(value.replace(" ", "T") + "Z");
    const isNow = at >= known.before - 1000 && at <= known.after + 1000;
    return isNow ? { from: "now", offsetMs: at - known.before } : { from: "start", offsetMs: at - known.start };
  }
  return { literal: value };
}

export async function captureBookingCreate(
  db: PrismaClient,
  databaseUrl: string,
  opts: { clientId: string; sessionTypeId: string; builderId: string; start: Date },
): Promise<BookingReplay> {
  // The app's outbox kick uses the process's database and job queue: point them at this one.
  Object.assign(process.env, { DATABASE_URL: databaseUrl, RUN_WORKERS: "false" });
  resetEnvForTests();
  setDbForTests(db);
  await getBoss();
  const captured: Captured[] = [];
  const query = pg.Client.prototype.query;
  const patched = function (this: pg.Client, ...args: unknown[]) {
    const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
    captured.push(typeof first === "string" ? { sql: first, values: second ?? [] } : { sql: first.text, values: first.values ?? [] });
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  };
  pg.Client.prototype.query = patched as typeof query;
  const before = Date.now();
  let answered = 0;
  try {
    await createCaller(createContextInner({ db, userId: opts.clientId })).booking.create({
      sessionTypeId: opts.sessionTypeId,
      startTime: opts.start,
    });
    answered = captured.length;
    await new Promise((r) => setTimeout(r, 1000)); // the kick runs after the answer
  } finally {
    pg.Client.prototype.query = query;
    await stopBoss();
  }
  const freshKeys = [...new Set(captured.flatMap((c) => c.values.filter((v): v is string => freshKind(v) !== null)))];
  const known = {
    sessionTypeId: opts.sessionTypeId,
    builderId: opts.builderId,
    start: opts.start.getTime(),
    before,
    after: Date.now(),
    freshKeys,
  };
  const toStatement = (c: Captured): ReplayStatement => ({ sql: c.sql, params: c.values.map((v) => toParam(v, known)) });
  const begin = captured.findIndex((c) => c.sql === "BEGIN");
  const commit = captured.findIndex((c) => c.sql === "COMMIT");
  if (begin < 0 || commit < begin || commit >= answered) throw new Error("booking.create: expected one transaction before the answer");
  return {
    before: captured.slice(0, begin).map(toStatement),
    transaction: captured.slice(begin + 1, commit).map(toStatement),
    after: captured.slice(answered).map(toStatement),
  };
}
