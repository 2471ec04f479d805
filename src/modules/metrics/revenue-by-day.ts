import type { Tx } from "@/modules/shared/tx";
import type { UtcRange } from "./metrics-range";

export type RevenueDay = { day: string; currency: string; revenueCents: number; refundedCents: number };
export type CurrencyTotal = { currency: string; revenueCents: number; refundedCents: number; netCents: number };
export type RevenueByDay = { days: RevenueDay[]; totals: CurrencyTotal[] };

// Money counts on the UTC day it moved: a payment on the day of its recorded payment
// transition (else the booking's creation, for rows older than the transition history), a
// refund on the day of its refund transition (else the cancellation, else the last update).
// Amounts are what Stripe reported (amountPaidCents, refundedCents), per currency: never summed
// across currencies.
export async function revenueByDay(db: Tx, range: UtcRange): Promise<RevenueByDay> {
  const days = await db.$queryRawUnsafe<RevenueDay[]>(
    `WITH moves AS (
       SELECT COALESCE((SELECT min(t."createdAt") FROM "BookingTransition" t
                         WHERE t."bookingId" = b.id AND t.transition IN ('pay', 'refundLatePayment')), b."createdAt") AS at,
              b.currency, b."amountPaidCents" AS revenue, 0 AS refunded
         FROM "Booking" b
        WHERE b."amountPaidCents" IS NOT NULL AND b."createdAt" < $2
       UNION ALL
       SELECT COALESCE((SELECT max(t."createdAt") FROM "BookingTransition" t
                         WHERE t."bookingId" = b.id AND t.transition = 'refund'), b."cancelledAt", b."updatedAt") AS at,
              b.currency, 0 AS revenue, b."refundedCents" AS refunded
         FROM "Booking" b
        WHERE b."refundedCents" > 0 AND b."createdAt" < $2
     )
     SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, currency,
            SUM(revenue)::float8 AS "revenueCents", SUM(refunded)::float8 AS "refundedCents"
       FROM moves
      WHERE at >= $1 AND at < $2
      GROUP BY 1, 2
      ORDER BY 1, 2`,
    range.start,
    range.end,
  );
  const totals = new Map<string, CurrencyTotal>();
  for (const d of days) {
    const total = totals.get(d.currency) ?? { currency: d.currency, revenueCents: 0, refundedCents: 0, netCents: 0 };
    total.revenueCents += d.revenueCents;
    total.refundedCents += d.refundedCents;
    total.netCents = total.revenueCents - total.refundedCents;
    totals.set(d.currency, total);
  }
  return { days, totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)) };
}
