import { DateTime } from "luxon";

const LOCALE = "en-US";

export function detectTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

export function isValidTimeZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}

let cachedZones: string[] | undefined;
/** All IANA zones supported by the runtime, always including UTC. */
export function listTimeZones(): string[] {
  if (!cachedZones) {
    let zones: string[] = [];
    try {
      zones = Intl.supportedValuesOf("timeZone");
    } catch {
      zones = [];
    }
    cachedZones = zones.includes("UTC") ? zones : ["UTC", ...zones];
  }
  return cachedZones;
}

/** Today's calendar date (YYYY-MM-DD) in a zone. */
export function todayIn(zone: string): string {
  return DateTime.now().setZone(zone).toISODate() ?? DateTime.utc().toISODate();
}

export function addDays(isoDate: string, days: number): string {
  return DateTime.fromISO(isoDate).plus({ days }).toISODate()!;
}

/** Calendar date (YYYY-MM-DD) of an instant, as seen in `zone`. */
export function dateKeyIn(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate()!;
}

export function formatTime(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).setLocale(LOCALE).toLocaleString(DateTime.TIME_SIMPLE);
}

export function formatDateTime(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone })
    .setLocale(LOCALE)
    .toLocaleString({ weekday: "long", month: "long", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit" });
}

export function formatTimeRange(start: Date, end: Date, zone: string): string {
  return `${formatDateTime(start, zone)} – ${formatTime(end, zone)}`;
}

/** "Mon, Mar 3" for a YYYY-MM-DD date. */
export function formatDayShort(isoDate: string): string {
  return DateTime.fromISO(isoDate).setLocale(LOCALE).toLocaleString({ weekday: "short", month: "short", day: "numeric" });
}

/** "Monday, March 3" for a YYYY-MM-DD date. */
export function formatDayLong(isoDate: string): string {
  return DateTime.fromISO(isoDate).setLocale(LOCALE).toLocaleString({ weekday: "long", month: "long", day: "numeric" });
}

/** Minutes after midnight → "HH:MM" for `<input type="time">`. 1440 (end of day) → "00:00". */
export function minutesToHHMM(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return "";
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/**
 * "HH:MM" → minutes after midnight; undefined when blank/invalid.
 * With `asEnd`, "00:00" means midnight at the end of the day (1440).
 */
export function hhmmToMinutes(value: string, asEnd = false): number | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const h = Number(match[1]);
  const m = Number(match[2]);
  if (h > 24 || m > 59 || (h === 24 && m !== 0)) return undefined;
  const total = h * 60 + m;
  return asEnd && total === 0 ? 1440 : total;
}

export const WEEKDAYS: ReadonlyArray<{ iso: number; label: string }> = [
  { iso: 1, label: "Monday" },
  { iso: 2, label: "Tuesday" },
  { iso: 3, label: "Wednesday" },
  { iso: 4, label: "Thursday" },
  { iso: 5, label: "Friday" },
  { iso: 6, label: "Saturday" },
  { iso: 7, label: "Sunday" },
];
