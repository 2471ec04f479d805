import { randomUUID } from "node:crypto";
import type { TRPCError } from "@trpc/server";
import { logger } from "@/server/logger";
import { activeSentry } from "./sentry-hub";

// An unexpected failure answers with a generic message and a reference; the detail goes to
// the log line and Sentry, both carrying that reference, so support can find it from what
// the user (or the cron caller) saw; `path` names the tRPC procedure or the route. Each error
// object is reported once: tRPC's onError and the error formatter both ask for the reference
// of the same TRPCError and must agree.
const references = new WeakMap<Error, string>();

export function reportUnexpectedError(error: Error, { path }: { path?: string | undefined } = {}): string {
  const known = references.get(error);
  if (known) return known;
  const cause = error.cause ?? error;
  // With Sentry on, its event id is the reference; without it, a random one found in the logs.
  // Synchronous either way: the SDK, when there is one, was loaded at start (sentry-hub.ts).
  const sentry = activeSentry();
  const reference = sentry ? sentry.captureException(cause, { tags: { path: path ?? "unknown" } }) : randomUUID();
  references.set(error, reference);
  logger.error({ err: cause, path, reference }, "request failed unexpectedly");
  return reference;
}

/** Only unexpected failures are reported; a caller's mistake (4xx) is not an incident. */
export function reportTrpcError({ error, path }: { error: TRPCError; path?: string | undefined }): void {
  if (error.code !== "INTERNAL_SERVER_ERROR") return;
  reportUnexpectedError(error, { path });
}
