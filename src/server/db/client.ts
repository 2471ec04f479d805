import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { getEnv } from "@/server/env";

// One client per process. Created on first use, so importing this module at build
// time (Next imports route modules) never needs a database.

export type Db = PrismaClient;
/** What use-cases take: the client or an interactive transaction of it. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const globalForDb = globalThis as unknown as { bookingDb?: PrismaClient };

export function createDb(databaseUrl: string, poolSize = 10): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: poolSize });
  return new PrismaClient({
    adapter,
    // Bursts of concurrent bookings queue for a connection; the default 2 s wait would
    // turn a busy moment into errors.
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
}

export function getDb(): PrismaClient {
  if (!globalForDb.bookingDb) {
    globalForDb.bookingDb = createDb(getEnv().DATABASE_URL);
  }
  return globalForDb.bookingDb;
}

/** Tests point the process at their own database. */
export function setDbForTests(db: PrismaClient): void {
  globalForDb.bookingDb = db;
}
