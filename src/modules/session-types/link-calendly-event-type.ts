import type { Tx } from "@/modules/shared/tx";
import { AppError, notFound } from "@/core/errors";
import type { CalendlyEventType } from "@/modules/ports/calendly-api";
import { isUniqueViolation } from "@/modules/shared/db-errors";
import { ownSessionTypeSelect } from "./session-type-select";

/**
 * Maps one of the builder's session types to one of their own Calendly event types (or unmaps
 * it with null). Clients of a mapped type schedule on Calendly; invitee.created for that event
 * type creates or confirms the booking. An event type hosted by anyone but the builder's own
 * Calendly user is refused here, whatever a client sent. One event type maps to at most one
 * session type.
 */
export async function linkCalendlyEventType(
  tx: Tx,
  { builderId, id, eventType }: { builderId: string; id: string; eventType: CalendlyEventType | null },
) {
  if (eventType) {
    const builder = await tx.builderProfile.findUnique({ where: { id: builderId }, select: { calendlyUserUri: true } });
    if (!builder?.calendlyUserUri) throw new AppError("UNPROCESSABLE", "Connect your Calendly first");
    if (eventType.ownerUri !== builder.calendlyUserUri) {
      throw new AppError("FORBIDDEN", "That Calendly event type is not one of yours: pick one of your own event types");
    }
  }
  try {
    const { count } = await tx.sessionType.updateMany({
      where: { id, builderId },
      data: { calendlyEventTypeUri: eventType?.uri ?? null, calendlySchedulingUrl: eventType?.schedulingUrl ?? null },
    });
    if (count !== 1) throw notFound("Session type");
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "That Calendly event type is already mapped to another session type");
    throw error;
  }
  return tx.sessionType.findUniqueOrThrow({ where: { id }, select: ownSessionTypeSelect });
}
