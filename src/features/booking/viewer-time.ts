// Times as the viewer reads them: in the zone they chose and their own locale's style (a
// browser set to en-GB reads 15:30, en-US 3:30 PM). The locale is passed in so server
// rendering and tests can pin it; undefined means the runtime's default.

type Locale = string | undefined;

const format = (instant: Date, zone: string, locale: Locale, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(locale, { ...options, timeZone: zone }).format(instant);

const DATE_PARTS = { weekday: "long", month: "long", day: "numeric", year: "numeric" } as const;
const TIME_PARTS = { hour: "numeric", minute: "2-digit" } as const;

/** "3:30 PM" / "15:30" */
export function formatViewerTime(instant: Date, zone: string, locale?: Locale): string {
  return format(instant, zone, locale, TIME_PARTS);
}

/** "Monday, March 9, 2026 at 3:30 PM" */
export function formatViewerDateTime(instant: Date, zone: string, locale?: Locale): string {
  return format(instant, zone, locale, { ...DATE_PARTS, ...TIME_PARTS });
}

/** "Monday, March 9, 2026 at 3:30 PM – 4:00 PM" */
export function formatViewerTimeRange(start: Date, end: Date, zone: string, locale?: Locale): string {
  return `${formatViewerDateTime(start, zone, locale)} – ${formatViewerTime(end, zone, locale)}`;
}

/** The time alone when `instant` falls on the same local day as `now`, else the date with it: for deadlines. */
export function formatViewerDeadline(instant: Date, now: Date, zone: string, locale?: Locale): string {
  const day = (d: Date) => format(d, zone, "en-CA", { year: "numeric", month: "2-digit", day: "2-digit" });
  if (day(instant) === day(now)) return formatViewerTime(instant, zone, locale);
  return format(instant, zone, locale, { weekday: "short", month: "short", day: "numeric", ...TIME_PARTS });
}

// Calendar dates ("YYYY-MM-DD") are zone-less labels: read on UTC so no zone moves them.
const onDate = (isoDate: string) => new Date(`${isoDate}T12:00:00Z`);

/** "Mon, Mar 9" */
export function formatViewerDayShort(isoDate: string, locale?: Locale): string {
  return format(onDate(isoDate), "UTC", locale, { weekday: "short", month: "short", day: "numeric" });
}

/** "Monday, March 9" */
export function formatViewerDayLong(isoDate: string, locale?: Locale): string {
  return format(onDate(isoDate), "UTC", locale, { weekday: "long", month: "long", day: "numeric" });
}
