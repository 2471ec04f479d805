// Starts the Stripe, SendGrid and Calendly sandboxes together.
//   CLI:        npm run sandbox (src/cli.ts)
//   In-process: const s = await startAllSandboxes(sandboxOptionsFromEnv()); ...; await s.close()
// `env` on the result holds the variables (names from the app's src/server/env.ts) that
// point the app at the sandboxes.
// CLI environment: APP_BASE_URL (http://localhost:3000), STRIPE_SANDBOX_PORT
// (12111), SENDGRID_SANDBOX_PORT (12112), CALENDLY_SANDBOX_PORT (12113),
// STRIPE_WEBHOOK_SECRET (whsec_sandbox), CALENDLY_WEBHOOK_SIGNING_KEY
// (calendly_sandbox_signing_key), CALENDLY_API_TOKEN (calendly_sandbox_token),
// CALENDLY_USERNAME (sandbox), CALENDLY_SANDBOX_EVENT_TYPES (JSON array of
// {name, slug, durationMinutes}; default two samples).
import { startCalendlySandbox } from "./calendly-sandbox";
import type { CalendlySandbox } from "./calendly-sandbox";
import { startSendgridSandbox } from "./sendgrid-sandbox";
import type { SendgridSandbox } from "./sendgrid-sandbox";
import { startStripeSandbox } from "./stripe-sandbox";
import type { StripeSandbox } from "./stripe-sandbox";

export type SandboxEventTypeSeed = { name: string; slug: string; durationMinutes: number };

export type StartAllOptions = {
  /** Where the app listens; webhooks go to <appBaseUrl>/api/webhooks/{stripe,calendly}. */
  appBaseUrl?: string;
  /** Ports (0 = any free port). Defaults 12111, 12112, 12113. */
  stripePort?: number;
  sendgridPort?: number;
  calendlyPort?: number;
  stripeWebhookSecret?: string;
  calendlySigningKey?: string;
  calendlyToken?: string;
  calendlyUsername?: string;
  /** Event types created at start (URIs are stable across restarts); default two samples, [] for none. */
  calendlyEventTypes?: SandboxEventTypeSeed[];
};

export type RunningSandboxes = {
  stripe: StripeSandbox;
  sendgrid: SendgridSandbox;
  calendly: CalendlySandbox;
  urls: { stripe: string; sendgrid: string; calendly: string };
  env: Record<string, string>;
  close(): Promise<void>;
};

export const DEFAULT_EVENT_TYPES: SandboxEventTypeSeed[] = [
  { name: "Intro call", slug: "intro-call", durationMinutes: 30 },
  { name: "Deep dive", slug: "deep-dive", durationMinutes: 60 },
];

function port(value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`Invalid port: ${value}`);
  return n;
}

/** Reads the CLI's configuration from the environment (variables listed at the top of this file). */
export function sandboxOptionsFromEnv(env: Record<string, string | undefined> = process.env): StartAllOptions {
  let calendlyEventTypes: SandboxEventTypeSeed[] | undefined;
  if (env.CALENDLY_SANDBOX_EVENT_TYPES) {
    calendlyEventTypes = JSON.parse(env.CALENDLY_SANDBOX_EVENT_TYPES) as SandboxEventTypeSeed[];
  }
  return {
    appBaseUrl: env.APP_BASE_URL,
    stripePort: port(env.STRIPE_SANDBOX_PORT, 12111),
    sendgridPort: port(env.SENDGRID_SANDBOX_PORT, 12112),
    calendlyPort: port(env.CALENDLY_SANDBOX_PORT, 12113),
    stripeWebhookSecret: env.STRIPE_WEBHOOK_SECRET,
    calendlySigningKey: env.CALENDLY_WEBHOOK_SIGNING_KEY,
    calendlyToken: env.CALENDLY_API_TOKEN,
    calendlyUsername: env.CALENDLY_USERNAME,
    calendlyEventTypes,
  };
}

export async function startAllSandboxes(opts: StartAllOptions = {}): Promise<RunningSandboxes> {
  const app = (opts.appBaseUrl ?? "http://localhost:3000").replace(/\/$/, "");
  const stripeSecret = opts.stripeWebhookSecret ?? "whsec_sandbox";
  const signingKey = opts.calendlySigningKey ?? "calendly_sandbox_signing_key";
  const token = opts.calendlyToken ?? "calendly_sandbox_token";
  const username = opts.calendlyUsername ?? "sandbox";

  const started: Array<{ close(): Promise<void> }> = [];
  try {
    const stripe = await startStripeSandbox({
      port: opts.stripePort ?? 12111,
      webhookUrl: `${app}/api/webhooks/stripe`,
      webhookSecret: stripeSecret,
    });
    started.push(stripe);
    const sendgrid = await startSendgridSandbox({ port: opts.sendgridPort ?? 12112 });
    started.push(sendgrid);
    const calendly = await startCalendlySandbox({
      port: opts.calendlyPort ?? 12113,
      token,
      signingKey,
      username,
      webhookUrl: `${app}/api/webhooks/calendly`,
    });
    started.push(calendly);
    for (const seed of opts.calendlyEventTypes ?? DEFAULT_EVENT_TYPES) calendly.addEventType(seed);

    return {
      stripe,
      sendgrid,
      calendly,
      urls: { stripe: stripe.url, sendgrid: sendgrid.url, calendly: calendly.url },
      env: {
        STRIPE_API_BASE: stripe.url,
        STRIPE_WEBHOOK_SECRET: stripeSecret,
        SENDGRID_API_BASE: sendgrid.url,
        CALENDLY_API_BASE: calendly.url,
        CALENDLY_API_TOKEN: token,
        CALENDLY_WEBHOOK_SIGNING_KEY: signingKey,
        CALENDLY_USERNAME: username,
      },
      close: async () => {
        await Promise.all(started.map((s) => s.close()));
      },
    };
  } catch (err) {
    // A port in use must not leave the other sandboxes running.
    await Promise.allSettled(started.map((s) => s.close()));
    throw err;
  }
}
