import type { Instrumentation } from "next";

// Runs once per server process before it serves requests. Sentry is loaded only with a DSN:
// initialised without one it still traces every request (sentry.server.config.ts).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "edge") {
    if (process.env.SENTRY_DSN) await import("./sentry.edge.config");
    return;
  }
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.SENTRY_DSN) await import("./sentry.server.config");
  const { startServer } = await import("./src/server/start-server");
  await startServer();
}

export const onRequestError: Instrumentation.onRequestError = async (...args) => {
  if (!process.env.SENTRY_DSN) return;
  const Sentry = await import("@sentry/nextjs");
  Sentry.captureRequestError(...args);
};
