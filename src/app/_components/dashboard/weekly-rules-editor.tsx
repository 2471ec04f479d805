"use client";

import { WEEKDAYS } from "../../_lib/time";
import { newKey, type DraftErrors, type RangeDraft } from "./availability-draft";

type Rules = Record<number, RangeDraft[]>;

export function WeeklyRulesEditor({ rules, errors, onChange }: { rules: Rules; errors: DraftErrors; onChange: (rules: Rules) => void }) {
  const setDay = (weekday: number, ranges: RangeDraft[]) => onChange({ ...rules, [weekday]: ranges });

  return (
    <div className="weekly-rules">
      {WEEKDAYS.map(({ iso, label }) => {
        const ranges = rules[iso] ?? [];
        const dayError = errors[`weekday-${iso}`];
        return (
          <fieldset key={iso} className="weekday" aria-describedby={dayError ? `weekday-${iso}-error` : undefined}>
            <legend>{label}</legend>
            {ranges.length === 0 ? <p className="muted small">Unavailable</p> : null}
            <ul className="range-list">
              {ranges.map((range, index) => {
                const update = (patch: Partial<RangeDraft>) =>
                  setDay(
                    iso,
                    ranges.map((r) => (r.key === range.key ? { ...r, ...patch } : r)),
                  );
                const error = errors[range.key];
                const errorId = `${range.key}-error`;
                return (
                  <li key={range.key} className="range-row">
                    <label>
                      <span className="visually-hidden">
                        {label} range {index + 1}{" "}
                      </span>
                      From
                      <input
                        type="time"
                        step={300}
                        value={range.start}
                        onChange={(e) => update({ start: e.target.value })}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? errorId : undefined}
                      />
                    </label>
                    <label>
                      <span className="visually-hidden">
                        {label} range {index + 1}{" "}
                      </span>
                      To
                      <input
                        type="time"
                        step={300}
                        value={range.end}
                        onChange={(e) => update({ end: e.target.value })}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? errorId : undefined}
                      />
                    </label>
                    <button
                      type="button"
                      className="button button-link"
                      onClick={() =>
                        setDay(
                          iso,
                          ranges.filter((r) => r.key !== range.key),
                        )
                      }
                    >
                      Remove
                      <span className="visually-hidden">
                        {" "}
                        {label} range {index + 1}
                      </span>
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
                const last = ranges[ranges.length - 1];
                const start = last ? last.end : "09:00";
                setDay(iso, [...ranges, { key: newKey(), start, end: last ? "" : "17:00" }]);
              }}
            >
              Add time range<span className="visually-hidden"> for {label}</span>
            </button>
            {dayError ? (
              <p id={`weekday-${iso}-error`} className="field-error">
                {dayError}
              </p>
            ) : null}
          </fieldset>
        );
      })}
    </div>
  );
}
