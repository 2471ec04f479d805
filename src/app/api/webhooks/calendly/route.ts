import { handleCalendlyWebhook } from "@/server/webhooks/calendly-webhook";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = (request: Request) => handleCalendlyWebhook(request);
