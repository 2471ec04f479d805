// `npm run webhooks:replay -- <WebhookEvent id | provider:externalId>`: processes a recorded
// event again (for example after fixing the bug that made it FAILED). Processing is
// idempotent, so replaying a PROCESSED event only re-runs safe, conditional updates.
import { getDb } from "../src/server/db/client";
import { getEnv } from "../src/server/env";
import { processWebhookEvent } from "../src/modules/webhooks/process-webhook-event";

const key = process.argv[2];
if (!key) {
  console.error("usage: npm run webhooks:replay -- <event id | STRIPE:evt_... | CALENDLY:invitee.created:https://...>");
  process.exit(2);
}
const db = getDb();
const env = getEnv();
const [provider, ...rest] = key.split(":");
const event =
  provider === "STRIPE" || provider === "CALENDLY"
    ? await db.webhookEvent.findUnique({ where: { provider_externalId: { provider, externalId: rest.join(":") } } })
    : await db.webhookEvent.findUnique({ where: { id: key } });
if (!event) {
  console.error(`No recorded event matches ${key}`);
  process.exit(1);
}
// Reopen it, then run the same code the worker runs.
await db.webhookEvent.update({ where: { id: event.id }, data: { status: "RECEIVED", lastError: null } });
const outcome = await processWebhookEvent(db, {
  eventId: event.id,
  holdMinutes: env.HOLD_MINUTES,
  manageTokenSecret: env.BETTER_AUTH_SECRET,
  refundPolicy: { fullRefundHoursBefore: env.REFUND_FULL_HOURS_BEFORE },
});
console.log(`${event.provider} ${event.type} (${event.externalId}): ${outcome}. Owed emails/refunds are sent by the running workers.`);
await db.$disconnect();
