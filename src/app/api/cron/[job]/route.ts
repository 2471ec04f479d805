import { handleCronRequest } from "@/server/cron/handle-cron-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
// Above CRON_BUDGET_MS plus one provider call in flight (src/server/cron/cron-jobs.ts).
export const maxDuration = 60;

type Context = { params: Promise<{ job: string }> };

// Vercel's cron calls GET; POST for other schedulers.
export const GET = async (request: Request, { params }: Context) => handleCronRequest(request, (await params).job);
export const POST = GET;
