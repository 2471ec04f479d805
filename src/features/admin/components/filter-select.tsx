import { useId, type SelectHTMLAttributes } from "react";

export type FilterOption = { value: string; label: string };

/**
 * One filter of a console list: a labelled select whose empty first choice (default "All")
 * means no filter. Controlled or not, as the page needs (the select's own props pass through).
 */
export function FilterSelect({
  label,
  options,
  allLabel = "All",
  ...select
}: { label: string; options: readonly FilterOption[]; allLabel?: string } & SelectHTMLAttributes<HTMLSelectElement>) {
  const fallbackId = useId();
  const id = select.id ?? fallbackId;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select {...select} id={id}>
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Options for a list of enum values, each shown by `label`. */
export function optionsOf(values: readonly string[], label: (value: string) => string): FilterOption[] {
  return values.map((value) => ({ value, label: label(value) }));
}
