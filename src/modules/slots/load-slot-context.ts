import type { Tx } from "@/modules/shared/tx";
import { LIVE_STATUSES, isLive } from "@/core/booking/booking-predicates";
import { notFound } from "@/core/errors";
import type { Interval, SlotQuery } from "@/core/slots/types";
import { getAvailability } from "@/modules/availability/get-availability";

const DAY_MS = 86_400_000;

export type SlotContext = {
  query: SlotQuery;
  /**
   * Bookings in the range that no longer occupy their slot but still hold it in the exclusion
   * constraint (expired holds the sweep has not cancelled yet): a booking on their time must
   * cancel them first.
   */
  staleHolds: Interval[];
  sessionType: {
    id: string;
    builderId: string;
    durationMinutes: number;
    priceCents: number;
    currency: string;
    title: string;
    calendlySchedulingUrl: string | null;
    calendlyEventTypeUri: string | null;
  };
};

/**
 * Everything the pure slot engine needs for one session type, read in one place so
 * slot listing and booking validation can never disagree about the rules.
 */
export async function loadSlotContext(
  tx: Tx,
  { sessionTypeId, now, from, to }: { sessionTypeId: string; now: Date; from: Date; to: Date },
): Promise<SlotContext> {
  const sessionType = await tx.sessionType.findFirst({
    where: { id: sessionTypeId, active: true, builder: { published: true } },
    select: {
      id: true,
      builderId: true,
      durationMinutes: true,
      priceCents: true,
      currency: true,
      title: true,
      calendlySchedulingUrl: true,
      calendlyEventTypeUri: true,
    },
  });
  if (!sessionType) throw notFound("Session type");

  // Independent reads, issued together (inside a transaction they still share one connection).
  const [availability, { busy, staleHolds }] = await Promise.all([
    getAvailability(tx, sessionType.builderId),
    loadBookedIntervals(tx, sessionType.builderId, new Date(from.getTime() - DAY_MS), new Date(to.getTime() + DAY_MS), now),
  ]);
  const { timeZone, rules, overrides, ...settings } = availability;
  return {
    sessionType,
    staleHolds,
    query: { ...settings, builderTimeZone: timeZone, rules, overrides, busy, durationMinutes: sessionType.durationMinutes, now, from, to },
  };
}

/**
 * The bookings the exclusion constraint counts, split by core's isLive: only live ones are busy
 * (an expired hold never blocks a slot, even before the sweep cancels it).
 */
async function loadBookedIntervals(
  tx: Tx,
  builderId: string,
  from: Date,
  to: Date,
  now: Date,
): Promise<{ busy: Interval[]; staleHolds: Interval[] }> {
  const rows = await tx.booking.findMany({
    where: {
      builderId,
      startTime: { lt: to },
      endTime: { gt: from },
      status: { in: [...LIVE_STATUSES.always, ...LIVE_STATUSES.untilHoldExpires] },
    },
    select: { startTime: true, endTime: true, status: true, holdExpiresAt: true },
  });
  const busy: Interval[] = [];
  const staleHolds: Interval[] = [];
  for (const r of rows) (isLive(r, now) ? busy : staleHolds).push({ start: r.startTime, end: r.endTime });
  return { busy, staleHolds };
}
