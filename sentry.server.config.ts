import * as Sentry from "@sentry/nextjs";
import { registerSentry } from "./src/server/observability/sentry-hub";

// Server error monitoring, loaded by instrumentation.ts only when SENTRY_DSN is set: Sentry.init
// sets up OpenTelemetry tracing and rewrites modules (pg, http) as they load even without a
// DSN, which cost every request CPU for nothing (docs/decisions/0018). Read from process.env
// because it runs before the configuration check; env.ts validates the same variables.
Sentry.init({
  dsn: process.env.SENTRY_DSN,
  environment: process.env.DD_ENV ?? process.env.NODE_ENV,
  release: process.env.DD_VERSION,
  // Share of requests traced (0-1); tracing costs CPU on every traced request.
  tracesSampleRate: Number(process.env.SENTRY_TRACES_SAMPLE_RATE || 0),
});
// Request-path code reports through the hub, so it never loads the SDK itself (sentry-hub.ts).
registerSentry(Sentry);
