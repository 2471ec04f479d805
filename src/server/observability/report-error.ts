import * as Sentry from "@sentry/nextjs";
import type { TRPCError } from "@trpc/server";
import { logger } from "@/server/logger";

/** Only unexpected failures reach Sentry; a caller's mistake (4xx) is not an incident. */
export function reportTrpcError({ error, path }: { error: TRPCError; path?: string | undefined }): void {
  if (error.code !== "INTERNAL_SERVER_ERROR") return;
  logger.error({ err: error.cause ?? error, path }, "tRPC procedure failed");
  Sentry.captureException(error.cause ?? error, { tags: { trpcPath: path ?? "unknown" } });
}
