"use client";

import { useState, type FormEvent } from "react";
import { TextField } from "./form-fields";

export type MarketplaceFilterValues = { q: string; tag: string; min: string; max: string };

export function MarketplaceFilters({
  initial,
  onApply,
  onClear,
}: {
  initial: MarketplaceFilterValues;
  onApply: (values: MarketplaceFilterValues) => void;
  onClear: () => void;
}) {
  const [values, setValues] = useState(initial);
  const [priceError, setPriceError] = useState<string | undefined>();

  const set = (key: keyof MarketplaceFilterValues) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const min = values.min.trim() === "" ? undefined : Number(values.min);
    const max = values.max.trim() === "" ? undefined : Number(values.max);
    if ((min !== undefined && (!Number.isFinite(min) || min < 0)) || (max !== undefined && (!Number.isFinite(max) || max < 0))) {
      setPriceError("Prices must be positive numbers.");
      return;
    }
    if (min !== undefined && max !== undefined && min > max) {
      setPriceError("Minimum price must not exceed the maximum.");
      return;
    }
    setPriceError(undefined);
    onApply(values);
  }

  function clear() {
    setValues({ q: "", tag: "", min: "", max: "" });
    setPriceError(undefined);
    onClear();
  }

  return (
    <form className="card filters" role="search" aria-label="Find a builder" onSubmit={onSubmit} noValidate>
      <TextField label="Search" type="search" name="q" placeholder="Name, skill or topic" value={values.q} onChange={set("q")} />
      <TextField label="Tag" name="tag" placeholder="e.g. react" value={values.tag} onChange={set("tag")} />
      <TextField
        label="Min price ($)"
        type="number"
        name="min"
        min={0}
        step="any"
        inputMode="decimal"
        value={values.min}
        onChange={set("min")}
        error={priceError}
      />
      <TextField
        label="Max price ($)"
        type="number"
        name="max"
        min={0}
        step="any"
        inputMode="decimal"
        value={values.max}
        onChange={set("max")}
      />
      <div className="filters-actions">
        <button type="submit" className="button">
          Search
        </button>
        <button type="button" className="button button-secondary" onClick={clear}>
          Clear filters
        </button>
      </div>
    </form>
  );
}
