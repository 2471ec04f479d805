import * as Sentry from "@sentry/nextjs";

// Browser error monitoring. Loaded by instrumentation-client.ts (Turbopack does not load
// this file by itself). Without NEXT_PUBLIC_SENTRY_DSN it is not initialised at all, so it
// neither sends anything nor traces navigations.
if (process.env.NEXT_PUBLIC_SENTRY_DSN) {
  Sentry.init({
    dsn: process.env.NEXT_PUBLIC_SENTRY_DSN,
    environment: process.env.NEXT_PUBLIC_SENTRY_ENVIRONMENT ?? "development",
    tracesSampleRate: 0.1,
  });
}
