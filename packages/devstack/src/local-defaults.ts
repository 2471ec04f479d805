// Credentials for a machine with no accounts: the local sandboxes accept exactly these.
// Shared by the local launcher and the test suite; never used when real values are set.
export const localProviderDefaults: Record<string, string> = {
  BETTER_AUTH_SECRET: "local-only-secret-change-me-in-production-0001",
  CALENDLY_API_TOKEN: "calendly_sandbox_token",
  CALENDLY_USERNAME: "sandbox",
  CALENDLY_WEBHOOK_SIGNING_KEY: "calendly_sandbox_signing_key",
  STRIPE_SECRET_KEY: "sk_test_sandbox",
  STRIPE_PUBLISHABLE_KEY: "pk_test_sandbox",
  STRIPE_WEBHOOK_SECRET: "whsec_sandbox",
  STRIPE_SUPPRESS_NOTICES: "true",
  SENDGRID_API_KEY: "SG.sandbox",
  SENDGRID_FROM_EMAIL: "noreply@booking.local",
  // Lets a local run call /api/cron/<job> (curl -H "Authorization: Bearer local-only-cron-secret").
  CRON_SECRET: "local-only-cron-secret",
  NEXT_TELEMETRY_DISABLED: "1",
};
