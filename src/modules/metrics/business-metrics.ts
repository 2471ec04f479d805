import type { MetricsRangeInput } from "@/core/validation/admin-metrics";
import type { Tx } from "@/modules/shared/tx";
import { bookingConversion, type BookingConversion } from "./booking-conversion";
import { utcRange } from "./metrics-range";
import { paymentSuccess, type PaymentSuccess } from "./payment-success";
import { revenueByDay, type RevenueByDay } from "./revenue-by-day";
import { sessionTypePopularity, type SessionTypePopularity } from "./session-type-popularity";

export type BusinessMetrics = {
  range: MetricsRangeInput;
  conversion: BookingConversion;
  payments: PaymentSuccess;
  popularity: SessionTypePopularity[];
  revenue: RevenueByDay;
};

/** Every figure of the console's metrics page, for one range of UTC days (read-only SQL). */
export async function getBusinessMetrics(
  db: Tx,
  { range, limit = 10 }: { range: MetricsRangeInput; limit?: number },
): Promise<BusinessMetrics> {
  const utc = utcRange(range);
  const [conversion, payments, popularity, revenue] = await Promise.all([
    bookingConversion(db, utc),
    paymentSuccess(db, utc),
    sessionTypePopularity(db, utc, { limit }),
    revenueByDay(db, utc),
  ]);
  return { range: { from: range.from, to: range.to }, conversion, payments, popularity, revenue };
}
