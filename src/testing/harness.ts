import { createTestDatabase } from "@booking/devstack/test-database";
import type { PrismaClient } from "@/generated/prisma/client";
import { createDb, setDbForTests } from "@/server/db/client";
import { resetEnvForTests } from "@/server/env";
import { stopBoss } from "@/server/jobs/boss";
import { resetSendgridForTests } from "@/server/providers/sendgrid-mailer";
import { resetStripeForTests } from "@/server/providers/stripe-client";
import { createContextInner } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/router";

export type TestDb = { db: PrismaClient; url: string; close(): Promise<void> };

/**
 * A real PostgreSQL database of its own for one test file, migrated with the project's
 * migrations, wired in as the process's database. Never an in-memory fake.
 */
export async function startTestDb(): Promise<TestDb> {
  const database = await createTestDatabase();
  const url = database.url;
  process.env.DATABASE_URL = url;
  resetEnvForTests();
  const db = createDb(url, { poolSize: 25 });
  setDbForTests(db);
  return {
    db,
    url,
    async close() {
      await stopBoss();
      await db.$disconnect();
      await database.drop();
    },
  };
}

/** Points the real provider SDKs at local sandboxes (only base URLs differ from production). */
export function useProviderBases(bases: { stripe?: string; sendgrid?: string; calendly?: string }): void {
  if (bases.stripe) process.env.STRIPE_API_BASE = bases.stripe;
  if (bases.sendgrid) process.env.SENDGRID_API_BASE = bases.sendgrid;
  if (bases.calendly) process.env.CALENDLY_API_BASE = bases.calendly;
  resetEnvForTests();
  resetStripeForTests();
  resetSendgridForTests();
}

export function callerFor(db: PrismaClient, userId: string | null = null, clientIp = "test") {
  return createCaller(createContextInner({ db, userId, clientIp }));
}
