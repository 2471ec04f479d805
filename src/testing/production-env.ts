import os from "node:os";

/**
 * A complete, valid production configuration for a child process (`npm start`, the worker),
 * and nothing from the developer's shell: only PATH and HOME are passed through. `overrides`
 * adds or replaces variables.
 */
export function productionEnv(databaseUrl: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH!,
    HOME: process.env.HOME ?? os.tmpdir(),
    DATABASE_URL: databaseUrl,
    DIRECT_URL: databaseUrl,
    NEXT_PUBLIC_BASE_URL: "https://www.example.com",
    BETTER_AUTH_SECRET: "a-real-secret-of-more-than-32-characters",
    CALENDLY_API_TOKEN: "calendly-token",
    CALENDLY_USERNAME: "someone",
    CALENDLY_WEBHOOK_SIGNING_KEY: "calendly-signing-key",
    CALENDLY_WEBHOOK_URL: "https://www.example.com/api/webhooks/calendly",
    STRIPE_SECRET_KEY: "sk_test_1",
    STRIPE_PUBLISHABLE_KEY: "pk_test_1",
    STRIPE_WEBHOOK_SECRET: "whsec_1",
    STRIPE_WEBHOOK_URL: "https://www.example.com/api/webhooks/stripe",
    SENDGRID_API_KEY: "SG.1",
    SENDGRID_FROM_EMAIL: "noreply@example.com",
    CRON_SECRET: "a-real-cron-secret-of-some-length",
    ...overrides,
  };
}
