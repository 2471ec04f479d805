// The whole product on local defaults: PostgreSQL (DATABASE_URL or the embedded one),
// migrations applied, sandboxes for Calendly, Stripe and SendGrid, demo data, the published
// local secrets. A development tool: used by `npm run dev`, `npm run start:local` and the e2e
// suite, never by `npm start` (scripts/build-start.ts fails the build if it bundles this).
import type { PrismaClient } from "../../src/generated/prisma/client";
import { startAllSandboxes } from "@booking/provider-sandbox";
import { resolveDatabaseUrl } from "./embedded-postgres";
import { localProviderDefaults } from "./local-defaults";
import { applyMigrations } from "./migrations";

export type LocalStack = { env: Record<string, string>; close(): Promise<void> };

export type LocalStackOptions = {
  appPort: number;
  /** A database URL to use instead of DATABASE_URL / the embedded default (e2e uses a fresh one). */
  databaseUrl?: string;
  sandboxPorts?: { stripe: number; sendgrid: number; calendly: number };
  log?: (line: string) => void;
};

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const log = options.log ?? ((line: string) => console.log(`[local] ${line}`));
  // This process seeds demo accounts with a published password and runs on published
  // secrets; `next start` children still get NODE_ENV=production from runNext.
  if (process.env.NODE_ENV === "production") {
    throw new Error("The local stack (demo data, published local secrets) refuses NODE_ENV=production; for production use `npm start`.");
  }
  const appUrl = `http://localhost:${options.appPort}`;
  const closers: (() => Promise<void>)[] = [];

  const db = options.databaseUrl ? { url: options.databaseUrl } : await resolveDatabaseUrl();
  if ("stop" in db && db.stop) closers.push(db.stop);
  log(
    options.databaseUrl || process.env.DATABASE_URL
      ? "database: configured URL"
      : `database: embedded PostgreSQL (${new URL(db.url).port})`,
  );
  const { applied } = await applyMigrations(db.url);
  log(applied.length ? `migrations applied: ${applied.join(", ")}` : "migrations: up to date");

  const env: Record<string, string> = { NEXT_PUBLIC_BASE_URL: appUrl, ...localProviderDefaults, ...definedEnv(), DATABASE_URL: db.url };
  // The production build (`next start`) on these local values: skip production's checks
  // (src/server/env.ts), which refuse the published secrets and a localhost address.
  env.ALLOW_LOCAL_DEFAULTS = "true";

  let sandboxEventTypes: SandboxEventType[] = [];
  // Real provider keys configured: talk to the real providers. Otherwise: local sandboxes.
  if (!process.env.STRIPE_SECRET_KEY) {
    const ports = options.sandboxPorts ?? { stripe: 12111, sendgrid: 12112, calendly: 12113 };
    const sandboxes = await startAllSandboxes({
      appBaseUrl: appUrl,
      stripePort: ports.stripe,
      sendgridPort: ports.sendgrid,
      calendlyPort: ports.calendly,
      stripeWebhookSecret: env.STRIPE_WEBHOOK_SECRET!,
      calendlySigningKey: env.CALENDLY_WEBHOOK_SIGNING_KEY!,
      calendlyToken: env.CALENDLY_API_TOKEN!,
      calendlyEventTypes: demoCalendlyEventTypes,
    });
    closers.push(sandboxes.close);
    sandboxEventTypes = [...sandboxes.calendly.state.eventTypes.values()].map((et) => ({
      slug: et.slug,
      uri: et.uri,
      schedulingUrl: et.scheduling_url,
    }));
    Object.assign(env, {
      STRIPE_API_BASE: sandboxes.urls.stripe,
      SENDGRID_API_BASE: sandboxes.urls.sendgrid,
      CALENDLY_API_BASE: sandboxes.urls.calendly,
    });
    log(`sandboxes: Stripe ${sandboxes.urls.stripe}, SendGrid inbox ${sandboxes.urls.sendgrid}, Calendly ${sandboxes.urls.calendly}`);
  }

  Object.assign(process.env, env);
  const { getDb } = await import("../../src/server/db/client");
  const { seedDemoData } = await import("../seed");
  const { seeded } = await seedDemoData(getDb());
  if (seeded) log("demo data seeded (accounts in the README)");
  if (sandboxEventTypes.length) await mapDemoCalendlyTypes(getDb(), sandboxEventTypes);
  await getDb().$disconnect();

  return {
    env,
    async close() {
      for (const close of closers.reverse()) await close().catch(() => {});
    },
  };
}

// Grace Hopper's two session types are scheduled through (sandbox) Calendly, to show that flow.
const demoCalendlyEventTypes = [
  { name: "Office hours", slug: "grace-office-hours", durationMinutes: 30 },
  { name: "Code review", slug: "grace-code-review", durationMinutes: 60 },
];

type SandboxEventType = { slug: string; uri: string; schedulingUrl: string };

/** Sandbox URIs derive from the username and slug, so this mapping stays valid across restarts. */
async function mapDemoCalendlyTypes(db: PrismaClient, eventTypes: SandboxEventType[]): Promise<void> {
  for (const [typeSlug, eventSlug] of [
    ["office-hours", "grace-office-hours"],
    ["code-review", "grace-code-review"],
  ] as const) {
    const eventType = eventTypes.find((et) => et.slug === eventSlug);
    if (!eventType) continue;
    await db.sessionType.updateMany({
      where: { slug: typeSlug, builder: { slug: "grace-hopper" }, calendlyEventTypeUri: null },
      data: { calendlyEventTypeUri: eventType.uri, calendlySchedulingUrl: eventType.schedulingUrl },
    });
  }
}

function definedEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => typeof e[1] === "string"));
}
