import { DateTime } from "luxon";
import { addDays, parseIsoDate } from "./calendar-date";
import type { Interval } from "./interval";
import { assertTimeZone } from "./time-zone";

/**
 * Inclusive local days [startDate, endDate] in `zone` as a UTC interval
 * [start of startDate, start of the day after endDate). Days are not assumed to be
 * 24h: luxon resolves each local midnight in the zone (or, where DST skips midnight,
 * the first instant of that day). Malformed dates or zones throw AppError VALIDATION;
 * endDate before startDate yields end <= start and is left to the caller to reject.
 */
export function localDateRangeToUtc(startDate: string, endDate: string, zone: string): Interval {
  assertTimeZone(zone);
  const start = DateTime.fromObject(parseIsoDate(startDate), { zone }).startOf("day");
  const end = DateTime.fromObject(parseIsoDate(addDays(endDate, 1)), { zone }).startOf("day");
  return { start: start.toJSDate(), end: end.toJSDate() };
}
