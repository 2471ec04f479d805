// Loaded before every test file (vitest setupFiles): a complete, valid configuration with
// local-only values. Harnesses override DATABASE_URL and the *_API_BASE URLs per file.
const defaults: Record<string, string> = {
  NODE_ENV: "test",
  DATABASE_URL: "postgresql://unset.invalid/overridden-by-harness",
  NEXT_PUBLIC_BASE_URL: "http://localhost:3000",
  BETTER_AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
  CALENDLY_API_TOKEN: "calendly_sandbox_token",
  CALENDLY_USERNAME: "sandbox",
  CALENDLY_WEBHOOK_SIGNING_KEY: "calendly_sandbox_signing_key",
  STRIPE_SECRET_KEY: "sk_test_sandbox",
  STRIPE_PUBLISHABLE_KEY: "pk_test_sandbox",
  STRIPE_WEBHOOK_SECRET: "whsec_sandbox",
  STRIPE_SUPPRESS_NOTICES: "true",
  SENDGRID_API_KEY: "SG.sandbox",
  SENDGRID_FROM_EMAIL: "noreply@example.test",
  RATE_LIMIT_PER_MINUTE: "100000",
  DD_TRACE_ENABLED: "false",
  LOG_LEVEL: "fatal",
};

for (const [key, value] of Object.entries(defaults)) process.env[key] ??= value;
