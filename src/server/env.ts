import { z } from "zod";

// The only module that reads process.env for server configuration.
// Validated lazily on first use and eagerly at server start (instrumentation.ts), so
// `next build` can import route modules without a runtime configuration.

const url = z.url();
const optionalUrl = z.preprocess((v) => (v === "" ? undefined : v), z.url().optional());
const optionalString = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());
// An empty value (as copied from .env.example) means "use the default".
const emptyIsUnset = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema);

/** Connections per process (Prisma and the plain SQL reader share one pool); PgBouncer's max_client_conn counts them. */
export const DEFAULT_DATABASE_POOL_SIZE = 10;

const serverEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().min(1, "DATABASE_URL is required (the dev launcher sets it for the embedded database)"),
  DIRECT_URL: optionalString,
  DATABASE_POOL_SIZE: emptyIsUnset(z.coerce.number().int().min(1).max(200).default(DEFAULT_DATABASE_POOL_SIZE)),
  NEXT_PUBLIC_BASE_URL: emptyIsUnset(url.default("http://localhost:3000")),
  BETTER_AUTH_SECRET: z.string().min(32, "BETTER_AUTH_SECRET must be at least 32 characters"),

  CALENDLY_API_TOKEN: z.string().min(1),
  CALENDLY_USERNAME: z.string().min(1),
  CALENDLY_WEBHOOK_SIGNING_KEY: z.string().min(1),
  CALENDLY_WEBHOOK_URL: optionalUrl,
  CALENDLY_API_BASE: emptyIsUnset(url.default("https://api.calendly.com")),

  STRIPE_SECRET_KEY: z.string().startsWith("sk_", "STRIPE_SECRET_KEY must start with sk_"),
  STRIPE_PUBLISHABLE_KEY: z.string().startsWith("pk_", "STRIPE_PUBLISHABLE_KEY must start with pk_"),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_", "STRIPE_WEBHOOK_SECRET must start with whsec_"),
  STRIPE_WEBHOOK_URL: optionalUrl,
  STRIPE_API_BASE: emptyIsUnset(url.default("https://api.stripe.com")),

  SENDGRID_API_KEY: z.string().min(1),
  SENDGRID_FROM_EMAIL: z.email(),
  SENDGRID_BOOKING_TEMPLATE_ID: optionalString,
  SENDGRID_API_BASE: emptyIsUnset(url.default("https://api.sendgrid.com")),

  REFUND_FULL_HOURS_BEFORE: emptyIsUnset(
    z.coerce
      .number()
      .int()
      .min(0)
      .max(24 * 30)
      .default(24),
  ),
  HOLD_MINUTES: emptyIsUnset(
    z.coerce
      .number()
      .int()
      .min(30)
      .max(24 * 60)
      .default(30),
  ),
  // Reminder emails go out this many hours before a session starts (client and builder).
  REMINDER_LEAD_HOURS: emptyIsUnset(
    z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 14)
      .default(24),
  ),
  RATE_LIMIT_PER_MINUTE: emptyIsUnset(z.coerce.number().int().min(1).default(120)),
  // Shares rate limits between instances (needed with more than one); unset: per-process memory.
  REDIS_URL: emptyIsUnset(z.url({ protocol: /^rediss?$/, error: "REDIS_URL must be a redis:// or rediss:// URL" }).optional()),
  // Proxies in front of the app that append to X-Forwarded-For (0: trust no forwarded header).
  // VERCEL=1 is set by the platform itself; then its overwritten client-IP header is used.
  TRUSTED_PROXY_HOPS: emptyIsUnset(z.coerce.number().int().min(0).max(10).default(0)),
  VERCEL: emptyIsUnset(z.stringbool().default(false)),

  // Rollback levers' defaults: an operator's setting in the database (RuntimeLever, changed
  // through admin.setLever) wins, without a restart (docs/decisions/0021-runtime-levers.md).
  WEBHOOKS_PAUSED: emptyIsUnset(z.stringbool().default(false)),
  EMAIL_SENDING_PAUSED: emptyIsUnset(z.stringbool().default(false)),
  BOOKINGS_CLOSED: emptyIsUnset(z.stringbool().default(false)),
  MANUAL_BOOKING_MODE: emptyIsUnset(z.stringbool().default(false)),
  RUN_WORKERS: emptyIsUnset(z.stringbool().default(true)),
  VERCEL_ENV: optionalString,

  SENTRY_DSN: optionalString,
  // Share of requests Sentry traces (0-1) when SENTRY_DSN is set.
  SENTRY_TRACES_SAMPLE_RATE: emptyIsUnset(z.coerce.number().min(0).max(1).default(0)),
  // Gzip responses in Node (next.config.js reads it): only when no proxy or CDN in front compresses.
  COMPRESS_RESPONSES: emptyIsUnset(z.stringbool().default(false)),
  // API requests in flight per process before new ones are refused with a fast 503 (src/server/admission.ts).
  // The default lets a 200-call burst through on 2 cores; raise it with the cores.
  API_MAX_IN_FLIGHT: emptyIsUnset(z.coerce.number().int().min(1).max(100_000).default(256)),
  // How long a session read from its signed cookie is trusted before the database is asked again;
  // a session revoked elsewhere still works that long in a browser that has it. 0: every request asks.
  SESSION_COOKIE_CACHE_SECONDS: emptyIsUnset(z.coerce.number().int().min(0).max(3600).default(300)),
  // Authorizes the scheduled-work routes (/api/cron/<job>, src/server/cron): required in production;
  // unset elsewhere, those routes answer 503.
  CRON_SECRET: optionalString,
  // Days of Stripe history each reconciliation run compares with the bookings (src/modules/reconciliation).
  // Stripe lists events for 30 days only, so the window stays well inside that.
  RECONCILE_WINDOW_DAYS: emptyIsUnset(z.coerce.number().int().min(1).max(25).default(3)),
  DD_SERVICE: z.string().default("booking-marketplace"),
  DD_ENV: optionalString,
  DD_VERSION: optionalString,
  DD_TRACE_ENABLED: emptyIsUnset(z.stringbool().default(false)),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

// Production fails closed: every variable of the deployment checklist is required (no
// localhost default), and values this repository publishes (packages/devstack/src/local-defaults.ts,
// .env.example) are refused: anyone could sign sessions or webhooks with them. Skipped only
// by the local launchers' production build (`npm run start:local`, e2e), which set
// ALLOW_LOCAL_DEFAULTS=true; `npm start` refuses that flag. env.test.ts keeps the list in step.
const publishedSecrets = {
  BETTER_AUTH_SECRET: ["local-only-secret-change-me-in-production-0001", "replace-with-32-or-more-random-characters"],
  CALENDLY_API_TOKEN: ["calendly_sandbox_token", "your-personal-access-token"],
  CALENDLY_WEBHOOK_SIGNING_KEY: ["calendly_sandbox_signing_key", "your-webhook-signing-key"],
  STRIPE_SECRET_KEY: ["sk_test_sandbox", "sk_live_..."],
  STRIPE_WEBHOOK_SECRET: ["whsec_sandbox", "whsec_..."],
  SENDGRID_API_KEY: ["SG.sandbox", "SG...."],
  CRON_SECRET: ["local-only-cron-secret", "replace-with-16-or-more-random-characters"],
} as const;
const isPublished = (name: keyof typeof publishedSecrets, v: string) =>
  (publishedSecrets[name] as readonly string[]).includes(v) || v.includes("local-only");
const publishedMessage = (name: string) => `${name} is a value published in this repository; generate one of your own`;
const notPublished = (name: keyof typeof publishedSecrets) =>
  z
    .string()
    .optional()
    .refine((v) => v === undefined || !isPublished(name, v), { message: publishedMessage(name) });
const publicUrl = (name: string) =>
  z
    .url({ protocol: /^https$/, error: `${name} must be an https URL` })
    .refine((v) => !URL.canParse(v) || !/^(localhost|127\.|0\.0\.0\.0$|\[::1?\]$)/.test(new URL(v).hostname), {
      message: `${name} must be the public address, not this machine`,
    });
const productionEnvSchema = z.object({
  DIRECT_URL: z.string().min(1),
  NEXT_PUBLIC_BASE_URL: publicUrl("NEXT_PUBLIC_BASE_URL"),
  CALENDLY_WEBHOOK_URL: publicUrl("CALENDLY_WEBHOOK_URL"),
  STRIPE_WEBHOOK_URL: publicUrl("STRIPE_WEBHOOK_URL"),
  ...Object.fromEntries(Object.keys(publishedSecrets).map((name) => [name, notPublished(name as keyof typeof publishedSecrets)])),
  // Optional elsewhere, required here: without it a serverless host's cron could not run the sweep.
  CRON_SECRET: z
    .string()
    .min(16, "CRON_SECRET must be at least 16 characters")
    .refine((v) => !isPublished("CRON_SECRET", v), { message: publishedMessage("CRON_SECRET") }),
});

let cached: ServerEnv | undefined;

export function parseServerEnv(source: Record<string, string | undefined>): ServerEnv {
  const result = serverEnvSchema.safeParse(source);
  const production = source.NODE_ENV === "production" && source.ALLOW_LOCAL_DEFAULTS !== "true";
  const extra = production ? (productionEnvSchema.safeParse(source).error?.issues ?? []) : [];
  if (!result.success || extra.length > 0) {
    const seen = new Set<string>();
    const lines = [...(result.error?.issues ?? []), ...extra].flatMap((issue) => {
      const name = issue.path.join(".");
      if (seen.has(name)) return [];
      seen.add(name);
      return [`  - ${name}: ${source[name] === undefined || source[name] === "" ? "is missing" : issue.message}`];
    });
    const context = production ? " (NODE_ENV=production: every variable of the deployment checklist is required)" : "";
    throw new Error(`Invalid or missing environment variables${context}:\n${lines.join("\n")}\nSee .env.example.`);
  }
  return result.data;
}

export function getEnv(): ServerEnv {
  cached ??= parseServerEnv(process.env);
  return cached;
}

/** Tests change configuration between cases (for example a sandbox port). */
export function resetEnvForTests(): void {
  cached = undefined;
}
