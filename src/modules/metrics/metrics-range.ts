import type { MetricsRangeInput } from "@/core/validation/admin-metrics";

/** A range of whole UTC days as instants: [start, end), `end` being the midnight after `to`. */
export type UtcRange = { from: string; to: string; start: Date; end: Date };

export function utcRange({ from, to }: MetricsRangeInput): UtcRange {
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000);
  return { from, to, start, end };
}

/** Every UTC day of the range, in order: charts show a day with nothing as 0, not a gap. */
export function daysOf({ start, end }: UtcRange): string[] {
  const days: string[] = [];
  for (let t = start.getTime(); t < end.getTime(); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}
