"use client";

import { useFieldArray, useFormContext } from "react-hook-form";
import type { AvailabilityFormValues } from "@/core/validation/availability";
import { errorText } from "@/lib/form-errors";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** The weekly time ranges: one list in the form (so "rules.3" names a row), shown per weekday. */
export function WeeklyRulesEditor() {
  const { control, register, getValues, formState } = useFormContext<AvailabilityFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: "rules" });

  return (
    <div className="weekly-rules">
      {WEEKDAYS.map((label, day) => {
        const weekday = day + 1;
        const rows = fields.map((field, index) => ({ field, index })).filter(({ field }) => field.weekday === weekday);
        return (
          <fieldset key={weekday} className="weekday">
            <legend>{label}</legend>
            {rows.length === 0 ? <p className="muted small">Unavailable</p> : null}
            <ul className="range-list">
              {rows.map(({ field, index }, position) => {
                const error = errorText(formState.errors.rules?.[index]);
                const errorId = `${field.id}-error`;
                const describedBy = { "aria-invalid": error ? true : undefined, "aria-describedby": error ? errorId : undefined };
                const rangeName = `${label} range ${position + 1}`;
                return (
                  <li key={field.id} className="range-row">
                    <label>
                      <span className="visually-hidden">{rangeName} </span>
                      From
                      <input type="time" step={300} {...describedBy} {...register(`rules.${index}.startMinute`)} />
                    </label>
                    <label>
                      <span className="visually-hidden">{rangeName} </span>
                      To
                      <input type="time" step={300} {...describedBy} {...register(`rules.${index}.endMinute`)} />
                    </label>
                    <button type="button" className="button button-link" onClick={() => remove(index)}>
                      Remove<span className="visually-hidden"> {rangeName}</span>
                    </button>
                    {error ? (
                      <p id={errorId} className="field-error">
                        {error}
                      </p>
                    ) : null}
                  </li>
                );
              })}
            </ul>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => {
                const last = rows.at(-1);
                // A further range starts where the day's last one ends; its end is left to the builder.
                if (last) append({ weekday, startMinute: getValues(`rules.${last.index}.endMinute`), endMinute: "" });
                else append({ weekday, startMinute: "09:00", endMinute: "17:00" });
              }}
            >
              Add time range<span className="visually-hidden"> for {label}</span>
            </button>
          </fieldset>
        );
      })}
    </div>
  );
}
