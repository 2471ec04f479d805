import { z } from "zod";
import { metricsRangeInput, popularityInput } from "@/core/validation/admin-metrics";
import { getBusinessMetrics } from "@/modules/metrics/business-metrics";
import { bookingConversion } from "@/modules/metrics/booking-conversion";
import { utcRange } from "@/modules/metrics/metrics-range";
import { paymentSuccess } from "@/modules/metrics/payment-success";
import { revenueByDay } from "@/modules/metrics/revenue-by-day";
import { sessionTypePopularity } from "@/modules/metrics/session-type-popularity";
import { adminProcedure, router } from "../../init";

// Business metrics over whole UTC days (docs/decisions/0023-business-metrics.md). The page
// asks for `overview` (one round trip); the single figures are there for scripts and checks.

const conversionDay = z.object({ day: z.string(), slotRequests: z.number(), bookingsCreated: z.number(), bookingsConfirmed: z.number() });
const conversion = z.object({
  slotRequests: z.number(),
  bookingsCreated: z.number(),
  bookingsConfirmed: z.number(),
  days: z.array(conversionDay),
});
const payments = z.object({
  checkoutsStarted: z.number(),
  paid: z.number(),
  failed: z.number(),
  expired: z.number(),
  open: z.number(),
  successRate: z.number().nullable(),
});
const popularity = z.array(
  z.object({ sessionTypeId: z.string(), title: z.string(), builderName: z.string(), bookings: z.number(), confirmed: z.number() }),
);
const revenue = z.object({
  days: z.array(z.object({ day: z.string(), currency: z.string(), revenueCents: z.number(), refundedCents: z.number() })),
  totals: z.array(z.object({ currency: z.string(), revenueCents: z.number(), refundedCents: z.number(), netCents: z.number() })),
});

export const adminMetricsRouter = router({
  overview: adminProcedure
    .input(popularityInput)
    .output(z.object({ range: z.object({ from: z.string(), to: z.string() }), conversion, payments, popularity, revenue }))
    .query(({ ctx, input }) => getBusinessMetrics(ctx.db, input)),
  conversion: adminProcedure
    .input(metricsRangeInput)
    .output(conversion)
    .query(({ ctx, input }) => bookingConversion(ctx.db, utcRange(input))),
  payments: adminProcedure
    .input(metricsRangeInput)
    .output(payments)
    .query(({ ctx, input }) => paymentSuccess(ctx.db, utcRange(input))),
  popularity: adminProcedure
    .input(popularityInput)
    .output(popularity)
    .query(({ ctx, input }) => sessionTypePopularity(ctx.db, utcRange(input.range), input)),
  revenue: adminProcedure
    .input(metricsRangeInput)
    .output(revenue)
    .query(({ ctx, input }) => revenueByDay(ctx.db, utcRange(input))),
});
