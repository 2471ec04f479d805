import type { Tx } from "@/modules/shared/tx";
import { LIVE_STATUSES, isLive } from "@/core/booking/booking-predicates";
import { notFound } from "@/core/errors";
import type { DateOverride, Interval, SlotQuery } from "@/core/slots/types";
import type { BookingStatus } from "@/generated/prisma/client";
import type { AvailabilitySettings } from "@/modules/availability/availability-types";

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
  /** Who offers it, as a booking's view shows them (read here: one statement less per booking). */
  builder: { slug: string; displayName: string };
  /** The signed-in client asked for (`clientId`), read in the same statement; null if none or unknown. */
  client: { id: string; name: string; email: string } | null;
};

type ContextRow = SlotContext["sessionType"] &
  SlotContext["builder"] &
  Pick<SlotContext, "client"> &
  Omit<AvailabilitySettings, "rules" | "overrides"> & {
    /** [weekday, startMinute, endMinute] */
    rules: [number, number, number][];
    /** [date, kind, startMinute, endMinute] */
    overrides: [string, DateOverride["kind"], number | null, number | null][];
    /** [startMs, endMs, status, holdExpiresMs] */
    bookings: [number, number, BookingStatus, number | null][];
  };

const STATUSES_IN_CONSTRAINT: BookingStatus[] = [...LIVE_STATUSES.always, ...LIVE_STATUSES.untilHoldExpires];

/**
 * Everything the pure slot engine needs for one session type, read in one place so
 * slot listing and booking validation can never disagree about the rules. One statement (it
 * was five ORM reads: the session type, the profile, its rules, its overrides, the bookings):
 * slot.list is the hottest read after the listing, and each ORM read cost more CPU than the
 * query itself (bench/). Rules and overrides are ordered as getAvailability orders them;
 * instants travel as epoch milliseconds, exact for timestamptz(3). Booking a session also reads
 * who offers it and who books in the same statement: one pooled connection per booking before
 * its transaction, not three at once.
 */
export async function loadSlotContext(
  tx: Tx,
  { sessionTypeId, now, from, to, clientId = null }: { sessionTypeId: string; now: Date; from: Date; to: Date; clientId?: string | null },
): Promise<SlotContext> {
  const bookedFrom = new Date(from.getTime() - DAY_MS);
  const bookedTo = new Date(to.getTime() + DAY_MS);
  const [row] = await tx.$queryRaw<ContextRow[]>`
    SELECT st.id, st."builderId", st."durationMinutes", st."priceCents", st.currency, st.title,
           st."calendlySchedulingUrl", st."calendlyEventTypeUri",
           b.slug, b."displayName", b."timeZone", b."bufferBeforeMinutes", b."bufferAfterMinutes", b."minimumNoticeMinutes", b."bookingWindowDays",
           COALESCE((SELECT json_agg(json_build_array(r.weekday, r."startMinute", r."endMinute") ORDER BY r.weekday, r."startMinute")
                       FROM "AvailabilityRule" r WHERE r."builderId" = b.id), '[]') AS rules,
           COALESCE((SELECT json_agg(json_build_array(to_char(o.date, 'YYYY-MM-DD'), o.kind, o."startMinute", o."endMinute")
                                     ORDER BY o.date, o."startMinute")
                       FROM "AvailabilityOverride" o WHERE o."builderId" = b.id), '[]') AS overrides,
           COALESCE((SELECT json_agg(json_build_array(
                              (extract(epoch FROM k."startTime") * 1000)::float8, (extract(epoch FROM k."endTime") * 1000)::float8,
                              k.status, (extract(epoch FROM k."holdExpiresAt") * 1000)::float8) ORDER BY k."startTime")
                       FROM "Booking" k
                      WHERE k."builderId" = b.id AND k."startTime" < ${bookedTo} AND k."endTime" > ${bookedFrom}
                        AND k.status::text = ANY(${STATUSES_IN_CONSTRAINT})), '[]') AS bookings,
           (SELECT json_build_object('id', u.id, 'name', u.name, 'email', u.email) FROM "User" u WHERE u.id = ${clientId}) AS client
      FROM "SessionType" st JOIN "BuilderProfile" b ON b.id = st."builderId"
     WHERE st.id = ${sessionTypeId} AND st.active AND b.published`;
  if (!row) throw notFound("Session type");
  const { rules, overrides, bookings, timeZone, bufferBeforeMinutes, bufferAfterMinutes, minimumNoticeMinutes, bookingWindowDays } = row;
  const busy: Interval[] = [];
  const staleHolds: Interval[] = [];
  for (const [startMs, endMs, status, holdMs] of bookings) {
    const booking = { status, holdExpiresAt: holdMs === null ? null : new Date(holdMs) };
    (isLive(booking, now) ? busy : staleHolds).push({ start: new Date(startMs), end: new Date(endMs) });
  }
  return {
    sessionType: {
      id: row.id,
      builderId: row.builderId,
      durationMinutes: row.durationMinutes,
      priceCents: row.priceCents,
      currency: row.currency,
      title: row.title,
      calendlySchedulingUrl: row.calendlySchedulingUrl,
      calendlyEventTypeUri: row.calendlyEventTypeUri,
    },
    builder: { slug: row.slug, displayName: row.displayName },
    client: row.client,
    staleHolds,
    query: {
      bufferBeforeMinutes,
      bufferAfterMinutes,
      minimumNoticeMinutes,
      bookingWindowDays,
      builderTimeZone: timeZone,
      rules: rules.map(([weekday, startMinute, endMinute]) => ({ weekday, startMinute, endMinute })),
      overrides: overrides.map(([date, kind, startMinute, endMinute]) => ({ date, kind, startMinute, endMinute })),
      busy,
      durationMinutes: row.durationMinutes,
      now,
      from,
      to,
    },
  };
}
