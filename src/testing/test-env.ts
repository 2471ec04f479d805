import { localProviderDefaults } from "@booking/devstack/local-defaults";

// Loaded before every test file (vitest setupFiles): a complete, valid configuration with
// local-only values. Harnesses override DATABASE_URL and the *_API_BASE URLs per file.
const defaults: Record<string, string> = {
  ...localProviderDefaults,
  NODE_ENV: "test",
  DATABASE_URL: "postgresql://unset.invalid/overridden-by-harness",
  NEXT_PUBLIC_BASE_URL: "http://localhost:3000",
  SENDGRID_FROM_EMAIL: "noreply@example.test",
  RATE_LIMIT_PER_MINUTE: "100000",
  DD_TRACE_ENABLED: "false",
  LOG_LEVEL: "fatal",
};

for (const [key, value] of Object.entries(defaults)) process.env[key] ??= value;

// Tests choose their own Redis (src/server/rate-limit-redis.int.test.ts); a REDIS_URL in the
// developer's shell would otherwise share rate-limit budgets between test files and runs.
delete process.env.REDIS_URL;
