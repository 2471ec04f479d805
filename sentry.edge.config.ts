import * as Sentry from "@sentry/nextjs";

// Loaded by instrumentation.ts only when SENTRY_DSN is set (see sentry.server.config.ts).
Sentry.init({ dsn: process.env.SENTRY_DSN, tracesSampleRate: Number(process.env.SENTRY_TRACES_SAMPLE_RATE || 0) });
