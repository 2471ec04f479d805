// The zone picker's options: every IANA zone under its current name, with a friendly name and
// its offset right now, searchable by any of them. Pure: the caller passes the instant and the
// locale, so tests can pin both.

// ICU still reports some zones under names their countries replaced; people look for the new one.
const MODERN_NAMES: Readonly<Record<string, string>> = {
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Godthab": "America/Nuuk",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

/** The name a zone goes by today ("Asia/Calcutta" -> "Asia/Kolkata"); other names unchanged. */
export function modernZoneName(zone: string): string {
  return MODERN_NAMES[zone] ?? zone;
}

export type ZoneOption = { id: string; label: string; offsetMinutes: number; search: string };

function zoneNamePart(zone: string, at: Date, locale: string | undefined, style: "long" | "longOffset"): string {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style }).formatToParts(at);
    return parts.find((p) => p.type === "timeZoneName")?.value ?? "";
  } catch {
    return "";
  }
}

/** "GMT+05:30" -> 330, "GMT-03:00" -> -180, "GMT" -> 0. */
export function offsetMinutesOf(longOffset: string): number {
  const match = /([+-])(\d{2}):?(\d{2})?/.exec(longOffset);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === "-" ? -minutes : minutes;
}

/** "Asia/Kolkata — India Standard Time (GMT+05:30)". */
export function zoneOption(zone: string, at: Date, locale?: string): ZoneOption {
  const id = modernZoneName(zone);
  const place = id.replaceAll("_", " ");
  const offset = zoneNamePart(id, at, locale, "longOffset") || "GMT";
  const name = zoneNamePart(id, at, locale, "long");
  const label = name && name !== offset ? `${place} — ${name} (${offset})` : `${place} (${offset})`;
  return { id, label, offsetMinutes: offsetMinutesOf(offset), search: `${id} ${place} ${name} ${offset}`.toLowerCase() };
}

/** One option per zone under its modern name, west to east, then by name. */
export function zoneOptions(zones: readonly string[], at: Date, locale?: string): ZoneOption[] {
  const byId = new Map<string, ZoneOption>();
  for (const zone of zones) {
    const option = zoneOption(zone, at, locale);
    if (!byId.has(option.id)) byId.set(option.id, option);
  }
  return [...byId.values()].sort((a, b) => a.offsetMinutes - b.offsetMinutes || a.id.localeCompare(b.id));
}

/** The options matching every word of `query` (in the id, city, name or offset); all for an empty query. */
export function filterZoneOptions(options: readonly ZoneOption[], query: string): ZoneOption[] {
  const words = query.toLowerCase().replaceAll("_", " ").split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...options];
  return options.filter((o) => words.every((w) => o.search.includes(w) || o.search.replaceAll("_", " ").includes(w)));
}
