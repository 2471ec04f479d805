import type { ServerEnv } from "@/server/env";
import { setTracer } from "./tracer";

/**
 * Datadog APM and DogStatsD. dd-trace 5.x (Node 20). With DD_TRACE_ENABLED=false (the
 * default locally) nothing is initialised and metrics are no-ops.
 */
export async function initTracing(env: ServerEnv): Promise<void> {
  if (!env.DD_TRACE_ENABLED) return;
  const { default: tracer } = await import("dd-trace");
  tracer.init({
    service: env.DD_SERVICE,
    env: env.DD_ENV ?? env.NODE_ENV,
    version: env.DD_VERSION ?? "dev",
    startupLogs: false,
    logInjection: true,
    runtimeMetrics: true,
  });
  tracer.use("pg", { service: `${env.DD_SERVICE}-postgres` });
  setTracer(tracer);
}
