import * as Sentry from "@sentry/nextjs";

// Server error monitoring. Without SENTRY_DSN nothing is sent.
Sentry.init({
  dsn: process.env.SENTRY_DSN,
  environment: process.env.DD_ENV ?? process.env.NODE_ENV,
  release: process.env.DD_VERSION,
  tracesSampleRate: 0,
});
