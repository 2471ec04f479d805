import type { Tx } from "@/modules/shared/tx";
import type { UtcRange } from "./metrics-range";

export type SessionTypePopularity = {
  sessionTypeId: string;
  title: string;
  builderName: string;
  bookings: number;
  confirmed: number;
};

/** The session types booked most in the range (bookings created, reschedules excluded), top `limit`. */
export async function sessionTypePopularity(db: Tx, range: UtcRange, { limit }: { limit: number }): Promise<SessionTypePopularity[]> {
  return db.$queryRawUnsafe<SessionTypePopularity[]>(
    `SELECT st.id AS "sessionTypeId", st.title, bp."displayName" AS "builderName",
            COUNT(*)::int AS bookings,
            (COUNT(*) FILTER (WHERE b.status = 'CONFIRMED' OR EXISTS (
               SELECT 1 FROM "BookingTransition" t WHERE t."bookingId" = b.id AND t."toStatus" = 'CONFIRMED')))::int AS confirmed
       FROM "Booking" b
       JOIN "SessionType" st ON st.id = b."sessionTypeId"
       JOIN "BuilderProfile" bp ON bp.id = st."builderId"
      WHERE b."createdAt" >= $1 AND b."createdAt" < $2 AND b."rescheduledFromId" IS NULL
      GROUP BY st.id, st.title, bp."displayName"
      ORDER BY bookings DESC, confirmed DESC, st.title, st.id
      LIMIT $3`,
    range.start,
    range.end,
    limit,
  );
}
