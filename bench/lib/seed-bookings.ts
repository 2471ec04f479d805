// Builders to book for the booking.create phases: free 30-minute sessions (no Stripe, no
// Calendly), open around the clock in UTC, bookable from now to a year ahead. Builder 0 takes
// the bursts; the others take one load connection each, so a closed-loop run never races
// itself for a slot. Slots are handed out in order and spread over the days, so the ±1 day
// window booking.create reads stays sparse, as on a real calendar.
import type pg from "pg";

export const BOOKING_BUILDERS = 33;
const DAYS = 300;
const HALF_HOURS = 48;

export const bookingBuilderId = (b: number) => `bench_book_builder_${b}`;
export const bookingTypeId = (b: number) => `bench_book_type_${b}`;

export async function seedBookingBuilders(client: pg.Client): Promise<void> {
  await client.query(`
    INSERT INTO "User" (id, name, email, role, "updatedAt")
    SELECT 'bench_book_user_' || b, 'Booking Builder ' || b, 'book-' || b || '@bench.test', 'BUILDER', now()
      FROM generate_series(0, ${BOOKING_BUILDERS - 1}) AS b`);
  await client.query(`
    INSERT INTO "BuilderProfile" (id, "userId", slug, "displayName", headline, bio, tags, "timeZone", published, "minimumNoticeMinutes", "bookingWindowDays", "updatedAt")
    SELECT 'bench_book_builder_' || b, 'bench_book_user_' || b, 'bench-book-' || b, 'Zz Booking Builder ' || b, 'Always open',
           'Benchmark builder', ARRAY['testing'], 'UTC', true, 0, 365, now()
      FROM generate_series(0, ${BOOKING_BUILDERS - 1}) AS b`);
  await client.query(`
    INSERT INTO "SessionType" (id, "builderId", title, slug, description, "durationMinutes", "priceCents", currency, "updatedAt")
    SELECT 'bench_book_type_' || b, 'bench_book_builder_' || b, 'Free call', 'free-call', 'Half an hour', 30, 0, 'usd', now()
      FROM generate_series(0, ${BOOKING_BUILDERS - 1}) AS b`);
  await client.query(`
    INSERT INTO "AvailabilityRule" (id, "builderId", weekday, "startMinute", "endMinute")
    SELECT 'bench_book_rule_' || b || '_' || d, 'bench_book_builder_' || b, d, 0, 1440
      FROM generate_series(0, ${BOOKING_BUILDERS - 1}) AS b, generate_series(1, 7) AS d`);
}

/** Hands out each builder's slots in order: the k-th is on day 2 + k mod 300, half hour k div 300. */
export function slotAllocator(): (builder: number) => Date {
  const midnight = new Date();
  midnight.setUTCHours(0, 0, 0, 0);
  const next = new Map<number, number>();
  return (builder) => {
    const k = next.get(builder) ?? 0;
    next.set(builder, k + 1);
    if (k >= DAYS * HALF_HOURS) throw new Error(`booking builder ${builder} has no free slot left`);
    const day = 2 + (k % DAYS);
    const halfHour = Math.floor(k / DAYS);
    return new Date(midnight.getTime() + day * 86_400_000 + halfHour * 1_800_000);
  };
}
