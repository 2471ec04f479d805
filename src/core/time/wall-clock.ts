import { DateTime, IANAZone } from "luxon";
import { AppError } from "../errors";
import { addDays, parseIsoDate } from "./calendar-date";

const MINUTES_PER_DAY = 1440;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** How a builder-local wall time maps onto real instants (epoch ms). */
export type WallTimeResolution =
  | { kind: "unique"; instant: number }
  // Fall-back: the wall clock shows this time twice.
  | { kind: "repeated"; earlier: number; later: number }
  // Spring-forward: the wall clock never shows this time; `resumesAt` is the
  // transition instant, i.e. the first real instant whose wall time is later.
  | { kind: "skipped"; resumesAt: number };

/** Resolve `minuteOfDay` (0..1440, 1440 = next midnight) on a local `date` in `zone`. */
export function resolveWallTime(date: string, minuteOfDay: number, zone: string): WallTimeResolution {
  if (!Number.isInteger(minuteOfDay) || minuteOfDay < 0 || minuteOfDay > MINUTES_PER_DAY) {
    throw new AppError("VALIDATION", `Minute of day out of range: ${minuteOfDay}`);
  }
  const day = minuteOfDay === MINUTES_PER_DAY ? addDays(date, 1) : date;
  const minute = minuteOfDay % MINUTES_PER_DAY;
  const wanted = { ...parseIsoDate(day), hour: Math.floor(minute / 60), minute: minute % 60 };
  const dt = DateTime.fromObject(wanted, { zone });
  if (!dt.isValid) throw new AppError("VALIDATION", `Cannot resolve ${day} in "${zone}"`);

  // luxon silently moves a non-existent wall time forward; detect that by reading it back.
  if (dt.day !== wanted.day || dt.hour !== wanted.hour || dt.minute !== wanted.minute) {
    return { kind: "skipped", resumesAt: transitionBefore(dt.toMillis(), zone) };
  }
  // luxon picks one of the two readings of an ambiguous time, and which one differs
  // by zone; getPossibleOffsets lets us choose explicitly.
  const options = dt.getPossibleOffsets().map((candidate) => candidate.toMillis());
  if (options.length === 2) {
    const [a = 0, b = 0] = options;
    return { kind: "repeated", earlier: Math.min(a, b), later: Math.max(a, b) };
  }
  return { kind: "unique", instant: dt.toMillis() };
}

/**
 * One builder-local calendar day as real instants [start, end): its first instant and
 * the next day's first instant. `steady` means luxon resolved both midnights to the
 * same offset exactly 24 real hours apart, i.e. no DST change inside the day, so wall
 * minutes since midnight ARE real minutes since `start` (assumes no zone changes offset
 * twice in one day and lands back where it began; tzdb has no such day).
 */
export type LocalDay = { date: string; zone: string; start: number; end: number; steady: boolean };

/** Local days firstDate..lastDate (inclusive); one luxon resolution per day. */
export function localDays(firstDate: string, lastDate: string, zone: string): LocalDay[] {
  const days: LocalDay[] = [];
  let start = DateTime.fromObject(parseIsoDate(firstDate), { zone });
  for (let date = firstDate; date <= lastDate;) {
    const next = addDays(date, 1);
    // fromObject at midnight: where DST skips midnight luxon moves to the first real
    // instant of the day, which is exactly the day boundary we want.
    const end = DateTime.fromObject(parseIsoDate(next), { zone });
    const steady = end.toMillis() - start.toMillis() === DAY_MS && end.offset === start.offset;
    days.push({ date, zone, start: start.toMillis(), end: end.toMillis(), steady });
    [date, start] = [next, end];
  }
  return days;
}

export function localDay(date: string, zone: string): LocalDay {
  const [day] = localDays(date, date, zone);
  if (!day) throw new AppError("VALIDATION", `Cannot resolve ${date} in "${zone}"`);
  return day;
}

/**
 * Real span of a local window [startMinute, endMinute) on `day`, or null when empty.
 * Steady days (nearly all) take the fast path: minutes after the luxon-resolved
 * midnight. DST days resolve each edge with luxon; the policy there is a product choice:
 * - start skipped (gap): the window opens at the transition instant;
 * - start repeated: the earlier reading, so a 01:00–04:00 window on fall-back night
 *   covers both 01:00 hours (4 real hours);
 * - end skipped: the transition instant, so no time outside the window is offered;
 * - end repeated: the first reading after the start, so a window ending at 01:00 on
 *   fall-back night does not swallow the repeated hour.
 * Known limit: a window starting strictly inside a repeated hour (e.g. 01:30 on
 * fall-back night) also covers the part of the repeat before 01:30.
 */
export function wallWindowToInstants(day: LocalDay, startMinute: number, endMinute: number): { start: number; end: number } | null {
  if (endMinute <= startMinute) return null;
  if (day.steady) return { start: day.start + startMinute * MINUTE_MS, end: day.start + endMinute * MINUTE_MS };
  const from = resolveWallTime(day.date, startMinute, day.zone);
  const start = from.kind === "unique" ? from.instant : from.kind === "repeated" ? from.earlier : from.resumesAt;
  const to = resolveWallTime(day.date, endMinute, day.zone);
  const end = to.kind === "unique" ? to.instant : to.kind === "repeated" ? (to.earlier > start ? to.earlier : to.later) : to.resumesAt;
  return end > start ? { start, end } : null;
}

/**
 * First instant of the offset that is in force at `after` (which lies just past a gap).
 * Bisects on luxon's zone offsets — the library supplies the tz data, we only search.
 * 26h covers the largest gap on record (Pacific/Apia skipped 2011-12-30).
 */
function transitionBefore(after: number, zone: string): number {
  const tz = IANAZone.create(zone);
  const target = tz.offset(after);
  // Both ends are whole seconds (wall times are whole minutes), as are tzdb transitions.
  let lo = after - 26 * 3_600_000; // offset differs here
  let hi = after; // offset equals target here
  if (tz.offset(lo) === target) return after; // no single transition to find; keep luxon's shift
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (tz.offset(mid) === target) hi = mid;
    else lo = mid;
  }
  return hi;
}
