import "server-only";
import type { WebhookProvider } from "@/generated/prisma/enums";
import type { Prisma } from "@/generated/prisma/client";
import { getDb } from "@/server/db/client";
import { enqueueWebhookEvent } from "@/server/jobs/enqueue";
import { logger } from "@/server/logger";
import { metrics } from "@/server/observability/metrics";
import { recordWebhookEvent } from "@/modules/webhooks/record-webhook-event";
import { withoutNul } from "./without-nul";

export const MAX_WEBHOOK_BYTES = 512 * 1024;

export type VerifiedEvent = { externalId: string; type: string; payload: Prisma.InputJsonValue };

export function json(status: number, body: Record<string, unknown>): Response {
  return Response.json(body, { status });
}

/**
 * raw body -> verify -> record -> acknowledge -> process (in the job queue).
 * 400 for anything the provider should not retry (bad signature, malformed body);
 * 503 only when we could not record the event, so the provider retries it later.
 */
export async function receiveWebhook(
  provider: WebhookProvider,
  request: Request,
  verify: (rawBody: string) => VerifiedEvent,
): Promise<Response> {
  const tags = [`provider:${provider.toLowerCase()}`];
  const rawBody = await request.text();
  if (Buffer.byteLength(rawBody) > MAX_WEBHOOK_BYTES) return json(400, { error: "Payload too large" });

  let event: VerifiedEvent;
  try {
    event = withoutNul(verify(rawBody));
  } catch (error) {
    metrics.increment("booking.webhook.rejected", 1, tags);
    logger.warn({ provider, reason: (error as Error).message }, "webhook rejected");
    return json(400, { error: (error as Error).message });
  }

  let recorded;
  try {
    recorded = await recordWebhookEvent(getDb(), { provider, ...event });
  } catch (error) {
    logger.error({ err: error, provider, type: event.type }, "webhook could not be recorded");
    return json(503, { error: "Temporarily unable to record the event; please retry" });
  }
  metrics.increment("booking.webhook.received", 1, [...tags, `type:${event.type}`, `duplicate:${!recorded.isNew}`]);
  if (recorded.isNew) {
    // Already durable: if enqueueing fails, the sweep picks the row up.
    await enqueueWebhookEvent(recorded.id).catch((error: unknown) =>
      logger.warn({ err: error, eventId: recorded.id }, "enqueue failed; sweep will retry"),
    );
  }
  return json(200, { received: true, duplicate: !recorded.isNew });
}
