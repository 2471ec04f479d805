import type { Db } from "@/modules/shared/tx";

/** Far more than a healthy inbox holds; a longer backlog is an incident of its own (/admin/webhooks). */
const MAX_WAITING = 10_000;

/**
 * Ids (bookings, Checkout Sessions, PaymentIntents) named by Stripe events that wait in the inbox:
 * RECEIVED (queued, or paused by WEBHOOKS_PAUSED) or HELD (manual booking mode). Their booking is
 * about to change, so comparing it now would flag what processing is about to fix. A FAILED
 * event does not count: it may never apply, and its booking should be looked at.
 */
export async function awaitingInbox(db: Db): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ ids: (string | null)[] }[]>`
    SELECT ARRAY[o->>'id', o->>'payment_intent', o->>'client_reference_id', o->'metadata'->>'bookingId'] AS ids
      FROM (SELECT payload->'data'->'object' AS o FROM "WebhookEvent"
             WHERE provider = 'STRIPE' AND status IN ('RECEIVED', 'HELD')
             ORDER BY "receivedAt" LIMIT ${MAX_WAITING}) waiting`;
  return new Set(rows.flatMap((r) => r.ids.filter((id): id is string => typeof id === "string" && id !== "")));
}
