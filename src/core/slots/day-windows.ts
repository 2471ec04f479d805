import { isoWeekday } from "../time/calendar-date";
import type { DateOverride, WeeklyRule } from "./types";

/** A local window on one date, in minutes since builder-local midnight, end exclusive. */
export type MinuteWindow = { startMinute: number; endMinute: number };

// Rows come from the database and are validated on write; a malformed one is skipped
// here rather than taking down availability for every other day.
function isUsable(start: number | null, end: number | null): boolean {
  return start !== null && end !== null && Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= 1440 && start < end;
}

/** Sorts and merges overlapping or touching windows, so 09–12 + 12–17 slots as 09–17. */
export function mergeWindows(windows: MinuteWindow[]): MinuteWindow[] {
  const sorted = [...windows].sort((a, b) => a.startMinute - b.startMinute);
  const merged: MinuteWindow[] = [];
  for (const w of sorted) {
    const last = merged[merged.length - 1];
    if (last && w.startMinute <= last.endMinute) last.endMinute = Math.max(last.endMinute, w.endMinute);
    else merged.push({ ...w });
  }
  return merged;
}

/**
 * Indexes rules and overrides once and returns the merged windows for any local date.
 * CLOSED drops that date's weekly hours; EXTRA adds windows even on a CLOSED date, so
 * CLOSED + EXTRA replaces the day's hours.
 */
export function createDayPlanner(rules: WeeklyRule[], overrides: DateOverride[]): (date: string) => MinuteWindow[] {
  const byWeekday = new Map<number, MinuteWindow[]>();
  for (const r of rules) {
    if (!isUsable(r.startMinute, r.endMinute)) continue;
    const list = byWeekday.get(r.weekday) ?? [];
    list.push({ startMinute: r.startMinute, endMinute: r.endMinute });
    byWeekday.set(r.weekday, list);
  }
  const byDate = new Map<string, { closed: boolean; extra: MinuteWindow[] }>();
  for (const o of overrides) {
    const entry = byDate.get(o.date) ?? { closed: false, extra: [] };
    if (o.kind === "CLOSED") entry.closed = true;
    else if (o.startMinute !== null && o.endMinute !== null && isUsable(o.startMinute, o.endMinute)) {
      entry.extra.push({ startMinute: o.startMinute, endMinute: o.endMinute });
    }
    byDate.set(o.date, entry);
  }
  return (date) => {
    const override = byDate.get(date);
    const weekly = override?.closed ? [] : (byWeekday.get(isoWeekday(date)) ?? []);
    return mergeWindows(override ? [...weekly, ...override.extra] : weekly);
  };
}
