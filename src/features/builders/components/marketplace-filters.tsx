"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { centsToAmount } from "@/core/money/money";
import { builderSearchForm, type BuilderSearch, type BuilderSearchFormValues } from "@/core/validation/builder-search";
import { TextField } from "@/components/form-fields";

/** The filters as the page address carries them: what was typed, prices as amounts. */
export type MarketplaceFilterValues = BuilderSearchFormValues;

const amount = (cents: number | undefined) => (cents === undefined ? "" : centsToAmount(cents));

export function MarketplaceFilters({
  initial,
  onApply,
  onClear,
}: {
  initial: MarketplaceFilterValues;
  onApply: (values: MarketplaceFilterValues) => void;
  onClear: () => void;
}) {
  const form = useForm<BuilderSearchFormValues, unknown, BuilderSearch>({
    resolver: zodResolver(builderSearchForm),
    defaultValues: initial,
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(({ q, tag, min, max }) => onApply({ q, tag, min: amount(min), max: amount(max) }));

  function clear() {
    form.reset({ q: "", tag: "", min: "", max: "" });
    onClear();
  }

  return (
    <form className="card filters" role="search" aria-label="Find a builder" onSubmit={(e) => void onSubmit(e)} noValidate>
      <TextField label="Search" type="search" placeholder="Name, skill or topic" error={errors.q?.message} {...form.register("q")} />
      <TextField label="Tag" placeholder="e.g. react" error={errors.tag?.message} {...form.register("tag")} />
      <TextField
        label="Min price ($)"
        type="number"
        min={0}
        step="any"
        inputMode="decimal"
        error={errors.min?.message ?? errors.max?.message}
        {...form.register("min")}
      />
      <TextField label="Max price ($)" type="number" min={0} step="any" inputMode="decimal" {...form.register("max")} />
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
