// The whole product on local defaults: PostgreSQL (DATABASE_URL or the embedded one),
// migrations applied, sandboxes for Calendly, Stripe and SendGrid, the published local secrets,
// then the caller's seed (the app's demo data). A development tool: used by `npm run dev`,
// `npm run start:local` and the e2e suite, never by `npm start` (scripts/build-start.ts fails
// the build if it bundles this).
import { startAllSandboxes, type SandboxEventTypeSeed } from "@booking/provider-sandbox";
import { resolveDatabaseUrl } from "./embedded-postgres";
import { localProviderDefaults } from "./local-defaults";
import { applyMigrations } from "./migrations/migrations";

export type LocalStack = { env: Record<string, string>; close: () => Promise<void> };

/** A Calendly event type the sandbox serves, in the shape the app reads Calendly's. */
export type SandboxEventType = { uri: string; name: string; slug: string; durationMinutes: number; schedulingUrl: string; active: boolean };

export type LocalStackOptions = {
  appPort: number;
  /** A database URL to use instead of DATABASE_URL / the embedded default (e2e uses a fresh one). */
  databaseUrl?: string;
  sandboxPorts?: { stripe: number; sendgrid: number; calendly: number };
  /** Event types the Calendly sandbox creates at start (their URIs are stable across restarts). */
  calendlyEventTypes?: SandboxEventTypeSeed[];
  /**
   * Runs once the database is migrated and process.env holds the stack's values (so the app's
   * own modules can connect): the app's demo data. `calendlyEventTypes` is empty when real
   * provider keys are configured (no sandboxes).
   */
  seed?: (context: { calendlyEventTypes: SandboxEventType[]; log: (line: string) => void }) => Promise<void>;
  log?: (line: string) => void;
};

const DEFAULT_SANDBOX_PORTS = { stripe: 12111, sendgrid: 12112, calendly: 12113 };

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const log = options.log ?? ((line: string) => console.log(`[local] ${line}`));
  assertNotProduction();
  const appUrl = `http://localhost:${options.appPort}`;
  const closers: (() => Promise<void>)[] = [];
  try {
    const db: { url: string; stop?: () => Promise<void> } = options.databaseUrl ? { url: options.databaseUrl } : await resolveDatabaseUrl();
    if (db.stop) closers.push(db.stop);
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

    let calendlyEventTypes: SandboxEventType[] = [];
    // Real provider keys configured: talk to the real providers. Otherwise: local sandboxes.
    if (!process.env.STRIPE_SECRET_KEY) {
      const ports = options.sandboxPorts ?? DEFAULT_SANDBOX_PORTS;
      const sandboxes = await startAllSandboxes({
        appBaseUrl: appUrl,
        stripePort: ports.stripe,
        sendgridPort: ports.sendgrid,
        calendlyPort: ports.calendly,
        stripeWebhookSecret: env.STRIPE_WEBHOOK_SECRET,
        calendlySigningKey: env.CALENDLY_WEBHOOK_SIGNING_KEY,
        calendlyToken: env.CALENDLY_API_TOKEN,
        calendlyEventTypes: options.calendlyEventTypes ?? [],
      });
      closers.push(() => sandboxes.close());
      calendlyEventTypes = [...sandboxes.calendly.state.eventTypes.values()].map((et) => ({
        uri: et.uri,
        name: et.name,
        slug: et.slug,
        durationMinutes: et.duration,
        schedulingUrl: et.scheduling_url,
        active: et.active,
      }));
      Object.assign(env, {
        STRIPE_API_BASE: sandboxes.urls.stripe,
        SENDGRID_API_BASE: sandboxes.urls.sendgrid,
        CALENDLY_API_BASE: sandboxes.urls.calendly,
      });
      log(`sandboxes: Stripe ${sandboxes.urls.stripe}, SendGrid inbox ${sandboxes.urls.sendgrid}, Calendly ${sandboxes.urls.calendly}`);
    }

    Object.assign(process.env, env);
    await options.seed?.({ calendlyEventTypes, log });
    return { env, close: () => closeAll(closers) };
  } catch (error) {
    await closeAll(closers);
    throw error;
  }
}

/**
 * The stack seeds demo accounts with a published password and runs on published secrets;
 * `next start` children still get NODE_ENV=production from runNext.
 */
export function assertNotProduction(nodeEnv = process.env.NODE_ENV): void {
  if (nodeEnv === "production") {
    throw new Error("The local stack (demo data, published local secrets) refuses NODE_ENV=production; for production use `npm start`.");
  }
}

async function closeAll(closers: (() => Promise<void>)[]): Promise<void> {
  for (const close of closers.reverse()) await close().catch(() => {});
}

function definedEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => typeof e[1] === "string"));
}
