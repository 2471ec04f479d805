import "server-only";
import { getEnv } from "@/server/env";
import { getStripe } from "@/server/providers/stripe-client";
import { CALENDLY_TOLERANCE_SECONDS, WebhookVerificationError } from "./calendly-signature";
import { receiveWebhook, type VerifiedEvent } from "./receive-webhook";

export function handleStripeWebhook(request: Request): Promise<Response> {
  return receiveWebhook("STRIPE", request, (rawBody): VerifiedEvent => {
    const header = request.headers.get("stripe-signature");
    if (!header) throw new WebhookVerificationError("Missing Stripe-Signature header");
    try {
      // One replay window for both providers: Calendly's 3 minutes (Stripe's default is 5).
      const event = getStripe().webhooks.constructEvent(rawBody, header, getEnv().STRIPE_WEBHOOK_SECRET, CALENDLY_TOLERANCE_SECONDS);
      return { externalId: event.id, type: event.type, payload: JSON.parse(rawBody) as never };
    } catch (error) {
      throw new WebhookVerificationError(`Stripe signature verification failed: ${(error as Error).message}`);
    }
  });
}
