"use client";

import { useState } from "react";
import { formatDayLong } from "../../_lib/time";
import { SelectField, TextField } from "../form-fields";
import { newKey, type DraftErrors, type OverrideDraft } from "./availability-draft";

export function OverridesEditor({
  overrides,
  errors,
  onChange,
}: {
  overrides: OverrideDraft[];
  errors: DraftErrors;
  onChange: (overrides: OverrideDraft[]) => void;
}) {
  const [draft, setDraft] = useState<Omit<OverrideDraft, "key">>({ date: "", kind: "CLOSED", start: "", end: "" });
  const [addError, setAddError] = useState<string | null>(null);

  function add() {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) return setAddError("Choose a date.");
    if (draft.kind === "EXTRA" && (!draft.start || !draft.end)) return setAddError("Extra hours need a start and end time.");
    if (draft.kind === "EXTRA" && draft.end <= draft.start && draft.end !== "00:00")
      return setAddError("End time must be after start time.");
    setAddError(null);
    const entry = draft.kind === "CLOSED" ? { ...draft, start: "", end: "" } : draft;
    const next = [...overrides, { key: newKey(), ...entry }].sort((a, b) => a.date.localeCompare(b.date));
    onChange(next);
    setDraft({ date: "", kind: "CLOSED", start: "", end: "" });
  }

  return (
    <div className="overrides">
      {overrides.length === 0 ? (
        <p className="muted">No date overrides.</p>
      ) : (
        <ul className="override-list">
          {overrides.map((o) => (
            <li key={o.key} className="override-row">
              <span>
                <strong>{/^\d{4}-\d{2}-\d{2}$/.test(o.date) ? formatDayLong(o.date) : o.date}</strong> ({o.date}) —{" "}
                {o.kind === "CLOSED" ? "Closed all day" : `Extra hours ${o.start}–${o.end}`}
              </span>
              <button type="button" className="button button-link" onClick={() => onChange(overrides.filter((x) => x.key !== o.key))}>
                Remove<span className="visually-hidden"> override for {o.date}</span>
              </button>
              {errors[o.key] ? <p className="field-error">{errors[o.key]}</p> : null}
            </li>
          ))}
        </ul>
      )}

      <fieldset className="override-add">
        <legend>Add a date override</legend>
        <div className="field-row">
          <TextField
            label="Override date"
            type="date"
            value={draft.date}
            onChange={(e) => setDraft((d) => ({ ...d, date: e.target.value }))}
          />
          <SelectField
            label="Override type"
            value={draft.kind}
            onChange={(e) => setDraft((d) => ({ ...d, kind: e.target.value === "EXTRA" ? "EXTRA" : "CLOSED" }))}
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
                value={draft.start}
                onChange={(e) => setDraft((d) => ({ ...d, start: e.target.value }))}
              />
              <TextField
                label="Override end"
                type="time"
                step={300}
                value={draft.end}
                onChange={(e) => setDraft((d) => ({ ...d, end: e.target.value }))}
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
