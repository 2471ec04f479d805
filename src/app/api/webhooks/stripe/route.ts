import { handleStripeWebhook } from "@/server/webhooks/stripe-webhook";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = (request: Request) => handleStripeWebhook(request);
