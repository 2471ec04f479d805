import * as Sentry from "@sentry/nextjs";

// Runs once per server process before it serves requests.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "edge") {
    await import("./sentry.edge.config");
    return;
  }
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("./sentry.server.config");
  const { startServer } = await import("./src/server/start-server");
  await startServer();
}

export const onRequestError = Sentry.captureRequestError;
