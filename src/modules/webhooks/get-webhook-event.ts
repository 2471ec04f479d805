import { AppError } from "@/core/errors";
import { maskPersonalData } from "@/core/privacy/mask-personal-data";
import type { Tx } from "@/modules/shared/tx";

/**
 * One inbox event for the console, its payload with personal data masked (the operator sees
 * what arrived and what it named, not who), and the operator actions already taken on it.
 */
export async function getWebhookEvent(db: Tx, { eventId }: { eventId: string }) {
  const event = await db.webhookEvent.findUnique({ where: { id: eventId } });
  if (!event) throw new AppError("NOT_FOUND", "No such webhook event");
  const actions = await db.auditLog.findMany({
    where: { targetType: "WebhookEvent", targetId: eventId },
    orderBy: { createdAt: "asc" },
    select: { id: true, action: true, reason: true, createdAt: true, actor: { select: { name: true, email: true } } },
  });
  return {
    id: event.id,
    provider: event.provider,
    externalId: event.externalId,
    type: event.type,
    status: event.status,
    receivedAt: event.receivedAt,
    processedAt: event.processedAt,
    attempts: event.attempts,
    lastError: event.lastError,
    bookingId: event.bookingId,
    payload: JSON.stringify(maskPersonalData(event.payload), null, 2),
    actions,
  };
}
