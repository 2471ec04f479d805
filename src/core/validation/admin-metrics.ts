import { z } from "zod";
import { isoDate } from "./fields";

// The date range of the console's business metrics (admin.metrics.*): whole UTC days, both
// ends included. UTC, not the viewer's zone: the figures then agree with Datadog's and with
// another operator's screen, whatever zone either is in.

export const MAX_METRICS_RANGE_DAYS = 366;
const DAY_MS = 86_400_000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

export const metricsRangeInput = z
  .strictObject({ from: isoDate, to: isoDate })
  .refine(({ from, to }) => from <= to, { message: "The end date must not be before the start date", path: ["to"] })
  .refine(({ from, to }) => daysBetween(from, to) <= MAX_METRICS_RANGE_DAYS, {
    message: `Choose at most ${MAX_METRICS_RANGE_DAYS} days`,
    path: ["to"],
  });
export type MetricsRangeInput = z.output<typeof metricsRangeInput>;

export const popularityInput = z.strictObject({
  range: metricsRangeInput,
  limit: z.int("Choose a whole number").min(1, "Show at least 1").max(50, "Show at most 50").default(10),
});

/** The last `days` UTC days up to and including `today`'s: the console's default range. */
export function lastDays(days: number, now: Date): MetricsRangeInput {
  const to = now.toISOString().slice(0, 10);
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * DAY_MS).toISOString().slice(0, 10);
  return { from, to };
}
