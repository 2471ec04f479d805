import type { Tx } from "@/modules/shared/tx";
import { daysOf, type UtcRange } from "./metrics-range";

export type ConversionDay = { day: string; slotRequests: number; bookingsCreated: number; bookingsConfirmed: number };
export type BookingConversion = {
  slotRequests: number;
  bookingsCreated: number;
  bookingsConfirmed: number;
  days: ConversionDay[];
};

// A booking counts on the UTC day it was created. "Confirmed" means it reached CONFIRMED at some
// point (it still is, or a recorded transition took it there), so a confirmed booking cancelled
// later still converted. A reschedule is a new row for the same purchase: not a new booking.
const CONFIRMED = `(b.status = 'CONFIRMED' OR EXISTS (
  SELECT 1 FROM "BookingTransition" t WHERE t."bookingId" = b.id AND t."toStatus" = 'CONFIRMED'))`;

/** Slot requests (FunnelCount) -> bookings created -> confirmed, per UTC day and in all. */
export async function bookingConversion(db: Tx, range: UtcRange): Promise<BookingConversion> {
  const [requests, bookings] = await Promise.all([
    db.$queryRawUnsafe<{ day: string; count: number }[]>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, SUM(count)::int AS count
         FROM "FunnelCount"
        WHERE step = 'SLOTS_REQUESTED' AND day >= $1::date AND day <= $2::date
        GROUP BY day`,
      range.from,
      range.to,
    ),
    db.$queryRawUnsafe<{ day: string; created: number; confirmed: number }[]>(
      `SELECT to_char(b."createdAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
              COUNT(*)::int AS created,
              (COUNT(*) FILTER (WHERE ${CONFIRMED}))::int AS confirmed
         FROM "Booking" b
        WHERE b."createdAt" >= $1 AND b."createdAt" < $2 AND b."rescheduledFromId" IS NULL
        GROUP BY 1`,
      range.start,
      range.end,
    ),
  ]);
  const requestsByDay = new Map(requests.map((r) => [r.day, r.count]));
  const bookingsByDay = new Map(bookings.map((b) => [b.day, b]));
  const days = daysOf(range).map((day) => ({
    day,
    slotRequests: requestsByDay.get(day) ?? 0,
    bookingsCreated: bookingsByDay.get(day)?.created ?? 0,
    bookingsConfirmed: bookingsByDay.get(day)?.confirmed ?? 0,
  }));
  const sum = (pick: (d: ConversionDay) => number) => days.reduce((total, d) => total + pick(d), 0);
  return {
    slotRequests: sum((d) => d.slotRequests),
    bookingsCreated: sum((d) => d.bookingsCreated),
    bookingsConfirmed: sum((d) => d.bookingsConfirmed),
    days,
  };
}
