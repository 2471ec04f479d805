"use client";

import { useState, type FormEvent } from "react";
import type { RouterInputs } from "@/trpc/types";
import { getErrorMessage, getFieldErrors } from "../../_lib/errors";
import { centsToDollars, dollarsToCents } from "../../_lib/money";
import { slugify, SLUG_PATTERN } from "../../_lib/text";
import { SelectField, TextAreaField, TextField } from "../form-fields";

export type SessionTypeValues = RouterInputs["sessionType"]["create"];
type Currency = SessionTypeValues["currency"];

type Draft = { title: string; slug: string; description: string; duration: string; price: string; currency: string };
type DraftErrors = Partial<Record<keyof SessionTypeValues, string>>;

const CURRENCIES: readonly Currency[] = ["usd", "eur", "gbp"];
const MAX_PRICE_CENTS = 1_000_000;

function asCurrency(value: string): Currency | undefined {
  return CURRENCIES.find((c) => c === value.toLowerCase());
}

function validate(d: Draft): { errors: DraftErrors; values?: SessionTypeValues } {
  const errors: DraftErrors = {};
  if (d.title.trim().length < 2) errors.title = "Enter a title of at least 2 characters.";
  if (d.slug.length < 2 || !SLUG_PATTERN.test(d.slug)) errors.slug = "Use at least 2 lowercase letters, numbers and single hyphens.";
  const duration = Number(d.duration);
  if (!Number.isInteger(duration) || duration < 5 || duration > 720)
    errors.durationMinutes = "Duration must be a whole number of minutes between 5 and 720.";
  const priceCents = dollarsToCents(d.price);
  if (priceCents === undefined || priceCents > MAX_PRICE_CENTS) errors.priceCents = "Enter a price between 0 (free) and 10,000.";
  const currency = asCurrency(d.currency);
  if (!currency) errors.currency = "Choose a currency.";
  if (Object.keys(errors).length > 0 || priceCents === undefined || !currency) return { errors };
  return {
    errors,
    values: { title: d.title.trim(), slug: d.slug, description: d.description.trim(), durationMinutes: duration, priceCents, currency },
  };
}

export function SessionTypeForm({
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  initial?: Omit<SessionTypeValues, "currency"> & { currency: string };
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: SessionTypeValues) => void;
  onCancel?: () => void;
}) {
  const [draft, setDraft] = useState<Draft>({
    title: initial?.title ?? "",
    slug: initial?.slug ?? "",
    description: initial?.description ?? "",
    duration: String(initial?.durationMinutes ?? 30),
    price: initial ? centsToDollars(initial.priceCents) : "0",
    currency: initial?.currency ?? "usd",
  });
  const [slugTouched, setSlugTouched] = useState(Boolean(initial));
  const [localErrors, setLocalErrors] = useState<DraftErrors>({});
  const serverErrors = getFieldErrors(error);
  const err = (key: keyof SessionTypeValues) => localErrors[key] ?? serverErrors[key];

  const set = (key: keyof Draft) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => {
    const value = e.target.value;
    setDraft((d) => ({ ...d, [key]: value, ...(key === "title" && !slugTouched ? { slug: slugify(value) } : {}) }));
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { errors, values } = validate(draft);
    setLocalErrors(errors);
    if (values) onSubmit(values);
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField label="Title" name="title" required value={draft.title} onChange={set("title")} error={err("title")} />
      <TextField
        label="Slug"
        name="slug"
        required
        value={draft.slug}
        onChange={(e) => {
          setSlugTouched(true);
          set("slug")(e);
        }}
        error={err("slug")}
        hint="Used in links; lowercase letters, numbers and hyphens."
      />
      <TextAreaField
        label="Description"
        name="description"
        rows={3}
        value={draft.description}
        onChange={set("description")}
        error={err("description")}
      />
      <div className="field-row">
        <TextField
          label="Duration (minutes)"
          name="durationMinutes"
          type="number"
          min={5}
          max={720}
          step={5}
          required
          value={draft.duration}
          onChange={set("duration")}
          error={err("durationMinutes")}
        />
        <TextField
          label="Price"
          name="price"
          type="number"
          min={0}
          step="0.01"
          inputMode="decimal"
          required
          value={draft.price}
          onChange={set("price")}
          error={err("priceCents")}
          hint="0 for a free session"
        />
        <SelectField label="Currency" name="currency" value={draft.currency} onChange={set("currency")} error={err("currency")}>
          {(asCurrency(draft.currency) ? CURRENCIES : [draft.currency, ...CURRENCIES]).map((c) => (
            <option key={c} value={c}>
              {c.toUpperCase()}
            </option>
          ))}
        </SelectField>
      </div>
      <div aria-live="assertive">
        {error ? (
          <p className="notice notice-error" role="alert">
            {getErrorMessage(error)}
          </p>
        ) : null}
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button-secondary" onClick={onCancel} disabled={pending}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
