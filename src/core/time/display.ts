import { DateTime } from "luxon";

// How instants and calendar dates read on screens (en-US). Instants are shown in a zone the
// caller names; calendar dates ("YYYY-MM-DD") are zone-less labels, read on UTC so the
// process zone can never move them to another day.

const LOCALE = "en-US";

const inZone = (instant: Date, zone: string) => DateTime.fromJSDate(instant, { zone }).setLocale(LOCALE);
const onDate = (isoDate: string) => DateTime.fromISO(isoDate, { zone: "UTC" }).setLocale(LOCALE);

/** "3:30 PM" */
export function formatTime(instant: Date, zone: string): string {
  return inZone(instant, zone).toLocaleString(DateTime.TIME_SIMPLE);
}

/** "Monday, March 9, 2026 at 3:30 PM" */
export function formatDateTime(instant: Date, zone: string): string {
  return inZone(instant, zone).toLocaleString({
    weekday: "long",
    month: "long",
    day: "numeric",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
  });
}

/** "Monday, March 9, 2026 at 3:30 PM – 4:00 PM" */
export function formatTimeRange(start: Date, end: Date, zone: string): string {
  return `${formatDateTime(start, zone)} – ${formatTime(end, zone)}`;
}

/** "Mon, Mar 9" for a YYYY-MM-DD date. */
export function formatDayShort(isoDate: string): string {
  return onDate(isoDate).toLocaleString({ weekday: "short", month: "short", day: "numeric" });
}

/** "Monday, March 9" for a YYYY-MM-DD date. */
export function formatDayLong(isoDate: string): string {
  return onDate(isoDate).toLocaleString({ weekday: "long", month: "long", day: "numeric" });
}
