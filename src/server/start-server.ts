import { getDb } from "@/server/db/client";
import { getEnv } from "@/server/env";
import { startWorkers } from "@/server/jobs/workers";
import { logger } from "@/server/logger";
import { initTracing } from "@/server/observability/init-tracing";

/**
 * Server start-up: validate the whole configuration first (a missing variable stops the
 * process with a message naming it), then tracing, then the job workers.
 */
export async function startServer(): Promise<void> {
  const env = getEnv();
  initTracing(env);
  if (!env.RUN_WORKERS) {
    logger.info("job workers disabled in this process (RUN_WORKERS=false)");
    return;
  }
  await startWorkers(getDb());
  logger.info({ env: env.NODE_ENV }, "server started with job workers");
}
