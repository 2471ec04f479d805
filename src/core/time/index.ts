export type { Interval } from "./interval";
export { addDays, daysBetween, isIsoDate, isoWeekday, parseIsoDate } from "./calendar-date";
export { localDateRangeToUtc } from "./local-date-range";
export { assertTimeZone, formatInZone, isValidTimeZone, localDateOf } from "./time-zone";
export { localDay, localDays, resolveWallTime, wallWindowToInstants, type LocalDay, type WallTimeResolution } from "./wall-clock";
