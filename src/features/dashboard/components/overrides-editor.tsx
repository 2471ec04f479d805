"use client";

import { useState } from "react";
import { useFieldArray, useFormContext } from "react-hook-form";
import { formatDayLong } from "@/core/time/display";
import { isIsoDate } from "@/core/time/calendar-date";
import { availabilityOverrideForm, type AvailabilityFormValues, type AvailabilityOverrideFormValues } from "@/core/validation/availability";
import { SelectField, TextField } from "@/components/form-fields";
import { errorText } from "@/lib/form-errors";

const EMPTY: AvailabilityOverrideFormValues = { date: "", kind: "CLOSED", startMinute: "", endMinute: "" };

/** Date overrides, kept in date order; a new one is checked by the same row rule before it joins the list. */
export function OverridesEditor() {
  const { control, formState } = useFormContext<AvailabilityFormValues>();
  const { fields, insert, remove } = useFieldArray({ control, name: "overrides" });
  const [draft, setDraft] = useState<AvailabilityOverrideFormValues>(EMPTY);
  const [addError, setAddError] = useState<string | null>(null);
  const set = (patch: Partial<AvailabilityOverrideFormValues>) => setDraft((d) => ({ ...d, ...patch }));

  function add() {
    const checked = availabilityOverrideForm.safeParse(draft);
    if (!checked.success) return setAddError(checked.error.issues[0]?.message ?? "Check the override");
    setAddError(null);
    const entry = draft.kind === "CLOSED" ? { ...draft, startMinute: "", endMinute: "" } : draft;
    const later = fields.findIndex((o) => o.date > entry.date);
    insert(later === -1 ? fields.length : later, entry);
    setDraft(EMPTY);
  }

  return (
    <div className="overrides">
      {fields.length === 0 ? (
        <p className="muted">No date overrides.</p>
      ) : (
        <ul className="override-list">
          {fields.map((o, index) => {
            const error = errorText(formState.errors.overrides?.[index]);
            return (
              <li key={o.id} className="override-row">
                <span>
                  <strong>{isIsoDate(o.date) ? formatDayLong(o.date) : o.date}</strong> ({o.date}) —{" "}
                  {o.kind === "CLOSED" ? "Closed all day" : `Extra hours ${o.startMinute}–${o.endMinute}`}
                </span>
                <button type="button" className="button button-link" onClick={() => remove(index)}>
                  Remove<span className="visually-hidden"> override for {o.date}</span>
                </button>
                {error ? <p className="field-error">{error}</p> : null}
              </li>
            );
          })}
        </ul>
      )}

      <fieldset className="override-add">
        <legend>Add a date override</legend>
        <div className="field-row">
          <TextField label="Override date" type="date" value={draft.date} onChange={(e) => set({ date: e.target.value })} />
          <SelectField
            label="Override type"
            value={draft.kind}
            onChange={(e) => set({ kind: e.target.value === "EXTRA" ? "EXTRA" : "CLOSED" })}
          >
            <option value="CLOSED">Closed all day</option>
            <option value="EXTRA">Extra hours</option>
          </SelectField>
          {draft.kind === "EXTRA" ? (
            <>
              <TextField
                label="Override start"
                type="time"
                step={300}
                value={draft.startMinute}
                onChange={(e) => set({ startMinute: e.target.value })}
              />
              <TextField
                label="Override end"
                type="time"
                step={300}
                value={draft.endMinute}
                onChange={(e) => set({ endMinute: e.target.value })}
              />
            </>
          ) : null}
        </div>
        <p className="field-hint">“Closed” blocks the whole day; “Extra hours” opens a time range on that date.</p>
        {addError ? (
          <p className="field-error" role="alert">
            {addError}
          </p>
        ) : null}
        <button type="button" className="button button-secondary" onClick={add}>
          Add override
        </button>
      </fieldset>
    </div>
  );
}
