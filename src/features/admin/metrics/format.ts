// Formatting for the metrics page: plain numbers, shares and money per currency (0 shows as
// "$0.00", not "Free" as on a price tag).

import type { RouterOutputs } from "@/trpc/types";

export type MetricsOverview = RouterOutputs["admin"]["metrics"]["overview"];

const integer = new Intl.NumberFormat("en-US");
const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });

export function formatCount(value: number): string {
  return integer.format(value);
}

/** `part` of `whole` as a percentage, or an en dash when there is no whole. */
export function formatShare(part: number, whole: number): string {
  return whole > 0 ? percent.format(part / whole) : "–";
}

export function formatCents(cents: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(cents / 100);
}

/** "2026-12-02" -> "Dec 2" for chart axes (the day is UTC: format it as UTC). */
export function shortDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}
