import { getDb } from "@/server/db/client";
import { getEnv, type ServerEnv } from "@/server/env";
import { startWorkers } from "@/server/jobs/workers";
import { logger } from "@/server/logger";
import { initTracing } from "@/server/observability/init-tracing";

/**
 * Server start-up: validate the whole configuration first (a missing variable stops the
 * process with a message naming it; with NODE_ENV=production every deployment-checklist
 * variable is required and published secrets are refused, see env.ts), then tracing, then
 * the job workers.
 */
export async function startServer(): Promise<void> {
  let env: ServerEnv;
  try {
    env = getEnv();
  } catch (error) {
    // Next logs a failed register() and keeps running, answering 500: a server without a
    // valid configuration must not run at all.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  await initTracing(env);
  if (!env.RUN_WORKERS) {
    // Webhooks are still verified, recorded and enqueued, outbox rows written and enqueued;
    // the queues, the sweep and pg-boss's maintenance run in `npm run worker` processes.
    logger.info("job workers disabled in this process (RUN_WORKERS=false): run them with npm run worker");
    return;
  }
  await startWorkers(getDb());
  logger.info({ env: env.NODE_ENV }, "server started with job workers");
}
