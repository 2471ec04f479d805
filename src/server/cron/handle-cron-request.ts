import "server-only";
import { getDb } from "@/server/db/client";
import { getEnv } from "@/server/env";
import { reportUnexpectedError } from "@/server/observability/report-error";
import { isAuthorizedCron } from "./authorize-cron";
import { CRON_BUDGET_MS, cronJobs } from "./cron-jobs";

const json = (status: number, body: object, headers?: HeadersInit) => Response.json(body, { status, headers });

/**
 * GET or POST /api/cron/<job>: never open. 503 while CRON_SECRET is unset, 401 without
 * "Authorization: Bearer $CRON_SECRET", 404 for a job not in cronJobs, else the job's JSON
 * result. Concurrent calls (with each other and with workers) rely on the jobs' own claims.
 */
export async function handleCronRequest(request: Request, job: string): Promise<Response> {
  const secret = getEnv().CRON_SECRET;
  if (!secret) return json(503, { error: "Scheduled jobs are not configured (CRON_SECRET is unset)" });
  if (!isAuthorizedCron(request.headers.get("authorization"), secret)) {
    return json(401, { error: "Unauthorized" }, { "WWW-Authenticate": "Bearer" });
  }
  const entry = Object.hasOwn(cronJobs, job) ? cronJobs[job] : undefined;
  if (!entry) return json(404, { error: `No scheduled job "${job}"` });
  const started = Date.now();
  try {
    const result = await entry.run(getDb(), { deadline: started + CRON_BUDGET_MS });
    return json(200, { job, ms: Date.now() - started, ...result });
  } catch (error) {
    const reference = reportUnexpectedError(error instanceof Error ? error : new Error(String(error)), { path: `cron/${job}` });
    return json(500, { job, error: "The job failed; it runs again on its next schedule", reference });
  }
}
