import * as Sentry from "@sentry/nextjs";
import { registerSentry } from "./src/server/observability/sentry-hub";

// Loaded by instrumentation.ts only when SENTRY_DSN is set (see sentry.server.config.ts).
Sentry.init({ dsn: process.env.SENTRY_DSN, tracesSampleRate: Number(process.env.SENTRY_TRACES_SAMPLE_RATE || 0) });
// Request-path code reports through the hub, so it never loads the SDK itself (sentry-hub.ts).
registerSentry(Sentry);
