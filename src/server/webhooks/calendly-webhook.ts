import "server-only";
import { calendlyDedupeKey, calendlyEnvelope } from "@/modules/calendly/invitee-payload";
import { getEnv } from "@/server/env";
import { verifyCalendlySignature, WebhookVerificationError } from "./calendly-signature";
import { receiveWebhook, type VerifiedEvent } from "./receive-webhook";

export function handleCalendlyWebhook(request: Request): Promise<Response> {
  return receiveWebhook("CALENDLY", request, (rawBody): VerifiedEvent => {
    verifyCalendlySignature(rawBody, request.headers.get("calendly-webhook-signature"), getEnv().CALENDLY_WEBHOOK_SIGNING_KEY);
    const parsed = calendlyEnvelope.safeParse(safeJson(rawBody));
    if (!parsed.success) throw new WebhookVerificationError("Body is not a Calendly webhook event");
    const key = calendlyDedupeKey(parsed.data.event, parsed.data.payload);
    // Events without an invitee URI (routing forms, event types) are not acted on; they are
    // recorded once per event name and creation time.
    const externalId = key ?? `${parsed.data.event}:${parsed.data.created_at ?? rawBody.length}`;
    return { externalId, type: parsed.data.event, payload: parsed.data as never };
  });
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new WebhookVerificationError("Body is not valid JSON");
  }
}
