import { DateTime, IANAZone } from "luxon";
import { AppError } from "../errors";

// Intl is the source of truth: a zone is valid iff this runtime's ICU knows it.
// Links such as "US/Eastern" are accepted; fixed offsets like "+05:45" are not IANA.
// The check builds an Intl.DateTimeFormat (~50 µs), so known-good names are cached;
// only valid names are stored, so junk input cannot grow the cache past the tz list.
const knownZones = new Set<string>();

export function isValidTimeZone(zone: string): boolean {
  if (knownZones.has(zone)) return true;
  if (!IANAZone.isValidZone(zone)) return false;
  knownZones.add(zone);
  return true;
}

export function assertTimeZone(zone: string): void {
  if (!isValidTimeZone(zone)) throw new AppError("VALIDATION", `Unknown time zone "${zone}"`);
}

/** The calendar date (YYYY-MM-DD) an instant falls on in `zone`. */
export function localDateOf(instant: Date, zone: string): string {
  assertTimeZone(zone);
  const local = DateTime.fromJSDate(instant, { zone });
  if (!local.isValid) throw new AppError("VALIDATION", "Invalid instant");
  return local.toISODate() ?? "";
}

/** Display helper; luxon tokens, default like "2026-03-08 13:00 -04:00". */
export function formatInZone(instant: Date, zone: string, format = "yyyy-MM-dd HH:mm ZZ"): string {
  assertTimeZone(zone);
  return DateTime.fromJSDate(instant, { zone }).toFormat(format);
}

let zoneList: string[] | undefined;

/** Every IANA zone this runtime knows, UTC always among them (for zone pickers). */
export function listTimeZones(): string[] {
  if (!zoneList) {
    const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
    zoneList = zones.includes("UTC") ? zones : ["UTC", ...zones];
  }
  return zoneList;
}
