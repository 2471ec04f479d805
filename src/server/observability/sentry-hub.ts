import type * as SentryModule from "@sentry/nextjs";

// Request-path code reports through this hub and never imports @sentry/nextjs itself: without
// a DSN the SDK is not even loaded in the web process (issue 10; docs/decisions/0018). The
// Sentry config files, loaded by instrumentation.ts only when a DSN is set, initialise the SDK
// and hand it over here. On globalThis: instrumentation and the route handlers are separate
// chunks of the Next server and must see the same SDK.

export type SentryApi = Pick<typeof SentryModule, "captureException" | "captureMessage" | "isEnabled" | "flush">;

const globalForSentry = globalThis as unknown as { bookingSentry?: SentryApi | undefined };

/** Called once the SDK is initialised (sentry.server.config.ts, sentry.edge.config.ts). */
export function registerSentry(api: SentryApi | undefined): void {
  globalForSentry.bookingSentry = api;
}

/** The initialised and enabled SDK, or nothing (no DSN, or not initialised in this process). */
export function activeSentry(): SentryApi | undefined {
  const api = globalForSentry.bookingSentry;
  return api?.isEnabled() ? api : undefined;
}
