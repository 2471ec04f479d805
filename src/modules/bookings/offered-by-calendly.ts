import type { CalendlyApi } from "@/modules/ports/calendly-api";
import type { Tx } from "@/modules/shared/tx";

/**
 * For a Calendly-mapped session type, asks Calendly (before any transaction) whether it
 * offers exactly this start. Undefined for other session types.
 */
export async function offeredByCalendlyAt({
  db,
  calendly,
  sessionTypeId,
  start,
  now,
}: {
  db: Tx;
  calendly: CalendlyApi;
  sessionTypeId: string;
  start: Date;
  now: Date;
}): Promise<boolean | undefined> {
  const type = await db.sessionType.findUnique({ where: { id: sessionTypeId }, select: { calendlyEventTypeUri: true } });
  if (!type?.calendlyEventTypeUri) return undefined;
  // Calendly refuses a window that starts in the past, so never ask from before now.
  const from = new Date(Math.max(start.getTime() - 60_000, now.getTime() + 1000));
  if (from > start) return false;
  const times = await calendly.availableTimes(type.calendlyEventTypeUri, from, new Date(start.getTime() + 60_000));
  return times.some((t) => t.startTime.getTime() === start.getTime());
}
