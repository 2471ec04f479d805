"use client";

import { useId, useMemo, useState } from "react";
import { listTimeZones } from "@/core/time/time-zone";
import { useViewerLocale } from "@/lib/use-viewer-zone";
import { filterZoneOptions, zoneOption, zoneOptions, type ZoneOption } from "@/lib/time-zone-options";
import { SelectField, TextField } from "./form-fields";

let cache: { locale: string; hour: number; options: ZoneOption[] } | undefined;

/** The labelled list, rebuilt at most hourly (offsets change with daylight saving time). */
function cachedZoneOptions(locale: string): ZoneOption[] {
  const hour = Math.floor(Date.now() / 3_600_000);
  if (cache?.locale !== locale || cache.hour !== hour) cache = { locale, hour, options: zoneOptions(listTimeZones(), new Date(), locale) };
  return cache.options;
}

/**
 * A zone picker people can search: each zone under its modern name ("Asia/Kolkata"), with its
 * friendly name and its offset today. Typing narrows the list; the list stays a native select,
 * so keyboards and screen readers work as everywhere else.
 */
export function TimeZoneSelect({
  value,
  onChange,
  label = "Time zone",
  error,
  id,
}: {
  value: string;
  onChange: (zone: string) => void;
  label?: string;
  error?: string | undefined;
  id?: string;
}) {
  const locale = useViewerLocale();
  const searchId = useId();
  const [query, setQuery] = useState("");
  // Labelling ~420 zones builds ~840 Intl formatters: slow on a busy phone. Until the viewer
  // reaches for the picker, only the current zone is labelled; the full list is built once then.
  const [opened, setOpened] = useState(false);
  const open = () => setOpened(true);
  const all = useMemo(() => (opened ? cachedZoneOptions(locale) : []), [opened, locale]);
  const matches = useMemo(() => filterZoneOptions(all, query), [all, query]);
  const shown = useMemo(() => {
    // The current value stays selectable (and visible) whatever the search says, even under an old name.
    if (value === "" || matches.some((o) => o.id === value)) return matches;
    return [{ ...(all.find((o) => o.id === value) ?? zoneOption(value, new Date(), locale)), id: value }, ...matches];
  }, [all, matches, value, locale]);

  return (
    <div className="tz-select">
      <TextField
        id={searchId}
        label="Search time zones"
        type="search"
        autoComplete="off"
        placeholder="City, zone or offset"
        value={query}
        onFocus={open}
        onChange={(e) => {
          const next = e.target.value;
          setQuery(next);
          // One match: pick it, so typing a city is enough.
          const found = filterZoneOptions(all, next);
          if (next.trim() !== "" && found.length === 1 && found[0]!.id !== value) onChange(found[0]!.id);
        }}
      />
      <SelectField
        id={id}
        label={label}
        value={value}
        error={error}
        onFocus={open}
        onPointerDown={open}
        onChange={(e) => onChange(e.target.value)}
      >
        {shown.map((zone) => (
          <option key={zone.id} value={zone.id}>
            {zone.label}
          </option>
        ))}
      </SelectField>
      {opened && query.trim() !== "" && matches.length === 0 ? (
        <p className="muted small" role="status">
          No time zone matches “{query}”.
        </p>
      ) : null}
    </div>
  );
}
