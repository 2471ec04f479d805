import { DateTime } from "luxon";
import { isValidTimeZone } from "../time/time-zone";

// How emails state when a session is: in the reader's zone, with the zone named, so a client in
// Berlin booking a builder in New York reads their own 11:00 and knows it is theirs. One locale
// and a 24-hour clock for every email (the screens follow the viewer's locale instead).

const LOCALE = "en-GB";

function zoneNamePart(instant: Date, zone: string, style: "longGeneric" | "long"): string {
  const parts = new Intl.DateTimeFormat(LOCALE, { timeZone: zone, timeZoneName: style }).formatToParts(instant);
  return parts.find((p) => p.type === "timeZoneName")?.value ?? zone;
}

/**
 * "Central European Time, Berlin": the zone's generic name (the same in summer and winter, so it
 * never contradicts the clock) and the place its IANA name gives; "Coordinated Universal Time"
 * for UTC. A zone ICU has no name for reads as its offset ("GMT+05:45").
 */
export function zoneLabel(zone: string, at: Date): string {
  const generic = zoneNamePart(at, zone, "longGeneric");
  const name = generic.startsWith("GMT") ? zoneNamePart(at, zone, "long") : generic;
  const slash = zone.lastIndexOf("/");
  const place = slash > 0 && !zone.startsWith("Etc/") ? zone.slice(slash + 1).replaceAll("_", " ") : null;
  return place && !name.includes(place) ? `${name}, ${place}` : name;
}

/** The zone to show a reader: theirs when known and valid, else the fallback (the builder's). */
export function readerZone(preferred: string | null | undefined, fallback: string): string {
  return preferred && isValidTimeZone(preferred) ? preferred : fallback;
}

/**
 * "Tuesday 3 March 2026, 11:00–12:00 (Central European Time, Berlin)"; a session that ends on
 * another day names both days.
 */
export function sessionTimeText(start: Date, end: Date, zone: string): string {
  const from = DateTime.fromJSDate(start, { zone }).setLocale(LOCALE);
  const to = DateTime.fromJSDate(end, { zone }).setLocale(LOCALE);
  const day = "cccc d LLLL yyyy";
  const range = from.hasSame(to, "day")
    ? `${from.toFormat(`${day}, HH:mm`)}–${to.toFormat("HH:mm")}`
    : `${from.toFormat(`${day}, HH:mm`)} – ${to.toFormat(`${day}, HH:mm`)}`;
  return `${range} (${zoneLabel(zone, start)})`;
}

/** "Tuesday 3 March 2026, 11:00 (Central European Time, Berlin)": a single instant, such as a payment deadline. */
export function instantText(instant: Date, zone: string): string {
  const at = DateTime.fromJSDate(instant, { zone }).setLocale(LOCALE);
  return `${at.toFormat("cccc d LLLL yyyy, HH:mm")} (${zoneLabel(zone, instant)})`;
}
