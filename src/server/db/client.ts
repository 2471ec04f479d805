import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { SqlReader } from "@/modules/shared/sql-reader";
import { PrismaClient } from "@/generated/prisma/client";
import { DEFAULT_DATABASE_POOL_SIZE, getEnv } from "@/server/env";
import { logger } from "@/server/logger";
import { recordQueryTime } from "@/server/observability/query-timing";

// One client per process. Created on first use, so importing this module at build
// time (Next imports route modules) never needs a database.

export type { Db, Tx } from "@/modules/shared/tx";

// On globalThis, not in module scope: Next bundles this module into more than one chunk
// (instrumentation, route handlers), and they must share the client and its reader.
const globalForDb = globalThis as unknown as { bookingDb?: PrismaClient; bookingDbReaders?: WeakMap<PrismaClient, SqlReader> };

const readers = (globalForDb.bookingDbReaders ??= new WeakMap<PrismaClient, SqlReader>());

export type DbOptions = {
  poolSize?: number;
  onSql?: (text: string, values: unknown[]) => void;
  /** Every Prisma query with its duration (ms): Datadog's per-kind query time (observability/query-timing.ts). */
  onQuery?: (event: { query: string; duration: number }) => void;
};

export function createDb(databaseUrl: string, { poolSize = DEFAULT_DATABASE_POOL_SIZE, onSql, onQuery }: DbOptions = {}): PrismaClient {
  // One pool shared by Prisma and the plain SQL reader. The adapter does not end a pool it
  // was given, so $disconnect is extended to end it too (no handle left open).
  // DATABASE_URL may be PgBouncer in transaction mode: keep statements unnamed (no
  // statementNameGenerator, no `name` in queries) and set no session state (only SET LOCAL);
  // see docs/decisions/0012-pgbouncer.md and pgbouncer.int.test.ts.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  // An idle connection the server closes (a restart, a pooler recycling, a dropped database)
  // is an 'error' event on the pool; unhandled, it would crash the process. The pool discards
  // that client and the next query opens a new one.
  pool.on("error", (error) => logger.warn({ err: error }, "database: an idle connection was closed by the server"));
  const client = new PrismaClient({
    adapter: new PrismaPg(pool),
    // Bursts of concurrent bookings queue for a connection; the default 2 s wait would
    // turn a busy moment into errors.
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
    // Query events only when someone listens: Prisma builds none otherwise.
    ...(onQuery ? { log: [{ emit: "event" as const, level: "query" as const }] } : {}),
  });
  if (onQuery) (client as unknown as { $on(event: "query", listener: typeof onQuery): void }).$on("query", onQuery);
  const disconnect = client.$disconnect.bind(client);
  client.$disconnect = async () => {
    await disconnect();
    if (!pool.ended) await pool.end();
  };
  readers.set(client, async <Row>(text: string, values: unknown[]) => {
    onSql?.(text, values);
    return (await pool.query(text, values)).rows as Row[];
  });
  return client;
}

/** The plain SQL reader on the same pool as this client. */
export function sqlReaderFor(db: PrismaClient): SqlReader {
  const reader = readers.get(db);
  if (!reader) throw new Error("This PrismaClient was not created by createDb");
  return reader;
}

export function getDb(): PrismaClient {
  if (!globalForDb.bookingDb) {
    const env = getEnv();
    globalForDb.bookingDb = createDb(env.DATABASE_URL, {
      poolSize: env.DATABASE_POOL_SIZE,
      ...(env.DD_TRACE_ENABLED ? { onQuery: recordQueryTime } : {}),
    });
  }
  return globalForDb.bookingDb;
}

/** Tests point the process at their own database. */
export function setDbForTests(db: PrismaClient): void {
  globalForDb.bookingDb = db;
}
