"use client";

import { useMemo } from "react";
import { listTimeZones } from "@/core/time/time-zone";
import { SelectField } from "./form-fields";

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
  const zones = useMemo(() => {
    const all = listTimeZones();
    return all.includes(value) || value === "" ? all : [value, ...all];
  }, [value]);

  return (
    <div className="tz-select">
      <SelectField id={id} label={label} value={value} error={error} onChange={(e) => onChange(e.target.value)}>
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll("_", " ")}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
