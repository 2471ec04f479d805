import {
  startCalendlySandbox,
  startSendgridSandbox,
  startStripeSandbox,
  type CalendlySandbox,
  type SendgridSandbox,
  type StripeSandbox,
} from "@booking/provider-sandbox";
import { startWorkers } from "@/server/jobs/workers";
import { startAppEndpoint } from "./app-endpoint";
import { startTestDb, useProviderBases, type TestDb } from "./harness";

export type ProviderHarness = TestDb & {
  stripe: StripeSandbox;
  sendgrid: SendgridSandbox;
  calendly: CalendlySandbox;
  appUrl: string;
  startWorkers(): Promise<void>;
};

/**
 * A test database plus the three provider sandboxes, with the real SDKs pointed at them and
 * the sandboxes' webhooks delivered to the app's real webhook handlers over HTTP.
 * Workers use 1-second retry backoff so retry paths finish within a test.
 */
export async function startProviderHarness(): Promise<ProviderHarness> {
  const base = await startTestDb();
  const app = await startAppEndpoint();
  const stripe = await startStripeSandbox({
    port: 0,
    webhookSecret: process.env.STRIPE_WEBHOOK_SECRET!,
    webhookUrl: `${app.url}/api/webhooks/stripe`,
  });
  const sendgrid = await startSendgridSandbox({ port: 0 });
  const calendly = await startCalendlySandbox({
    port: 0,
    token: process.env.CALENDLY_API_TOKEN!,
    signingKey: process.env.CALENDLY_WEBHOOK_SIGNING_KEY!,
    webhookUrl: `${app.url}/api/webhooks/calendly`,
    username: process.env.CALENDLY_USERNAME!,
  });
  useProviderBases({ stripe: stripe.url, sendgrid: sendgrid.url, calendly: calendly.url });
  return {
    ...base,
    stripe,
    sendgrid,
    calendly,
    appUrl: app.url,
    startWorkers: () => startWorkers(base.db, { retryDelaySeconds: 1, retryLimit: 4 }),
    async close() {
      await base.close();
      await Promise.all([stripe.close(), sendgrid.close(), calendly.close(), app.close()]);
    },
  };
}

/** Polls until the check passes (emails and refunds leave through the job queue after commit). */
export async function eventually<T>(check: () => Promise<T>, { timeoutMs = 15_000, intervalMs = 100 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}
