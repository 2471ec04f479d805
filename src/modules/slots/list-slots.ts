import type { Tx } from "@/modules/shared/tx";
import { BOOKING_HORIZON_MESSAGE, isRangeStartWithinHorizon } from "@/core/booking/booking-horizon";
import { timeRefusal } from "@/core/booking/calendly-time-rule";
import { AppError } from "@/core/errors";
import { computeSlots } from "@/core/slots/compute-slots";
import type { Slot } from "@/core/slots/types";
import { localDateRangeToUtc } from "@/core/time/local-date-range";
import type { CalendlyApi } from "@/modules/ports/calendly-api";
import { loadSlotContext } from "./load-slot-context";

export const MAX_SLOT_RANGE_DAYS = 31;

export type ListSlotsInput = {
  sessionTypeId: string;
  /** Viewer-local calendar days, inclusive. */
  startDate: string;
  endDate: string;
  timeZone: string;
  now: Date;
};

/**
 * Slots as UTC instants; the viewer's zone only decides which days the range covers.
 * Session types mapped to Calendly take their times from Calendly (the builder's real
 * calendar), minus holds and bookings we know of that Calendly does not yet.
 */
export async function listSlots(tx: Tx, input: ListSlotsInput, calendly: CalendlyApi): Promise<{ slots: Slot[] }> {
  const range = localDateRangeToUtc(input.startDate, input.endDate, input.timeZone);
  if (range.end <= range.start) throw new AppError("VALIDATION", "endDate must not be before startDate");
  const days = (range.end.getTime() - range.start.getTime()) / 86_400_000;
  // 31 local days can be 31 days plus an hour across a DST change.
  if (days > MAX_SLOT_RANGE_DAYS + 0.1) {
    throw new AppError("VALIDATION", `The range may cover at most ${MAX_SLOT_RANGE_DAYS} days`);
  }
  // Before any query: nothing outside the booking window can be booked, so there is nothing to look up.
  if (!isRangeStartWithinHorizon(range.start, input.now)) throw new AppError("VALIDATION", BOOKING_HORIZON_MESSAGE);
  const { query, sessionType } = await loadSlotContext(tx, {
    sessionTypeId: input.sessionTypeId,
    now: input.now,
    from: range.start,
    to: range.end,
  });
  if (!sessionType.calendlyEventTypeUri) return { slots: computeSlots(query) };
  // Calendly refuses a start in the past, so ask from a moment from now.
  const from = new Date(Math.max(range.start.getTime(), input.now.getTime() + 60_000));
  if (from >= range.end) return { slots: [] };
  const times = await calendly.availableTimes(sessionType.calendlyEventTypeUri, from, range.end);
  const durationMs = sessionType.durationMinutes * 60_000;
  const slots = times
    .map((t) => ({ start: t.startTime, end: new Date(t.startTime.getTime() + durationMs) }))
    .filter((slot) => !query.busy.some((b) => b.start < slot.end && slot.start < b.end))
    // Calendly's own settings may offer more than the builder's rules: offer only what invitee.created will keep.
    .filter((slot) => timeRefusal(slot.start, input.now, { ...query, timeZone: query.builderTimeZone }) === null);
  return { slots };
}
