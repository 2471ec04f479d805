import type { CalendlyApi } from "@/modules/ports/calendly-api";

/**
 * For a Calendly-mapped session type (its event type, read with the slot context), asks
 * Calendly (before any transaction) whether it offers exactly this start.
 */
export async function offeredByCalendlyAt({
  calendly,
  eventTypeUri,
  start,
  now,
}: {
  calendly: CalendlyApi;
  eventTypeUri: string;
  start: Date;
  now: Date;
}): Promise<boolean> {
  // Calendly refuses a window that starts in the past, so never ask from before now.
  const from = new Date(Math.max(start.getTime() - 60_000, now.getTime() + 1000));
  if (from > start) return false;
  const times = await calendly.availableTimes(eventTypeUri, from, new Date(start.getTime() + 60_000));
  return times.some((t) => t.startTime.getTime() === start.getTime());
}
