import type { Tx } from "@/modules/shared/tx";
import { notFound } from "@/core/errors";
import type { Interval, SlotQuery } from "@/core/slots/types";
import { getAvailability } from "@/modules/availability/get-availability";
import { liveBookingWhere } from "@/modules/shared/booking-where";

const DAY_MS = 86_400_000;

/**
 * Everything the pure slot engine needs for one session type, read in one place so
 * slot listing and booking validation can never disagree about the rules.
 */
export async function loadSlotContext(
  tx: Tx,
  { sessionTypeId, now, from, to }: { sessionTypeId: string; now: Date; from: Date; to: Date },
): Promise<{
  query: SlotQuery;
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
}> {
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
  const [availability, busy] = await Promise.all([
    getAvailability(tx, sessionType.builderId),
    loadBusyIntervals(tx, sessionType.builderId, new Date(from.getTime() - DAY_MS), new Date(to.getTime() + DAY_MS), now),
  ]);
  const { timeZone, rules, overrides, ...settings } = availability;
  return {
    sessionType,
    query: { ...settings, builderTimeZone: timeZone, rules, overrides, busy, durationMinutes: sessionType.durationMinutes, now, from, to },
  };
}

/** Live bookings only: an expired hold never blocks a slot, even before the sweep cancels it. */
async function loadBusyIntervals(tx: Tx, builderId: string, from: Date, to: Date, now: Date): Promise<Interval[]> {
  const rows = await tx.booking.findMany({
    where: {
      builderId,
      startTime: { lt: to },
      endTime: { gt: from },
      ...liveBookingWhere(now),
    },
    select: { startTime: true, endTime: true },
  });
  return rows.map((r) => ({ start: r.startTime, end: r.endTime }));
}
