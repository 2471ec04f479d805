import type { Prisma } from "@/generated/prisma/client";
import type { LedgerEvent } from "@/modules/ports/payment-gateway";
import type { Db } from "@/modules/shared/tx";
import { recordWebhookEvent } from "@/modules/webhooks/record-webhook-event";

export type FeedOptions = {
  events: LedgerEvent[];
  /** Hands a newly recorded event to processing, as the webhook route does after recording one. */
  enqueue: (eventId: string) => Promise<void>;
};

/**
 * Stripe events our endpoint never acknowledged, recorded in the inbox exactly as a delivery
 * would record them (deduplicated by event id) and enqueued for processing. Only events the
 * inbox did not hold count as missed: Stripe keeps listing an event we recorded late (it never
 * saw our 2xx), and one it lists as pending may be arriving right now; either way it lands on
 * the same row once. Each row commits on its own, so a failure later keeps the ones fed.
 */
export async function feedMissedEvents(db: Db, { events, enqueue }: FeedOptions): Promise<{ fed: number; eventIds: string[] }> {
  const eventIds: string[] = [];
  for (const event of events) {
    const recorded = await recordWebhookEvent(db, {
      provider: "STRIPE",
      externalId: event.id,
      type: event.type,
      payload: event.payload as Prisma.InputJsonValue,
    });
    if (!recorded.isNew) continue;
    eventIds.push(recorded.id);
    await enqueue(recorded.id);
  }
  return { fed: eventIds.length, eventIds };
}
