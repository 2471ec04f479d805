"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { supportedCurrencies } from "@/core/money/money";
import { slugify } from "@/core/validation/fields";
import { sessionTypeForm, sessionTypeFormValues, type SessionTypeFormValues, type SessionTypeInput } from "@/core/validation/session-type";
import { SelectField, TextAreaField, TextField } from "@/components/form-fields";
import { getErrorMessage } from "@/lib/errors";
import { showServerErrors } from "@/lib/form-errors";

export function SessionTypeForm({
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  initial?: Parameters<typeof sessionTypeFormValues>[0];
  submitLabel: string;
  pending: boolean;
  error: unknown;
  /** Sends the values; a refusal it rejects with lands on the fields it names. */
  onSubmit: (values: SessionTypeInput) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const form = useForm<SessionTypeFormValues, unknown, SessionTypeInput>({
    resolver: zodResolver(sessionTypeForm),
    defaultValues: sessionTypeFormValues(initial),
  });
  const { errors, dirtyFields } = form.formState;
  const currency = form.watch("currency");

  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(values);
    } catch (err) {
      showServerErrors(form.setError, err);
    }
  });

  // A new session type's slug follows its title until the builder edits the slug itself.
  const title = form.register("title", {
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      if (!initial && !dirtyFields.slug) form.setValue("slug", slugify(e.target.value));
    },
  });

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <TextField label="Title" required error={errors.title?.message} {...title} />
      <TextField
        label="Slug"
        required
        error={errors.slug?.message}
        hint="Used in links; lowercase letters, numbers and hyphens."
        {...form.register("slug")}
      />
      <TextAreaField label="Description" rows={3} error={errors.description?.message} {...form.register("description")} />
      <div className="field-row">
        <TextField
          label="Duration (minutes)"
          type="number"
          min={5}
          max={720}
          step={5}
          required
          error={errors.durationMinutes?.message}
          {...form.register("durationMinutes", { valueAsNumber: true })}
        />
        <TextField
          label="Price"
          type="number"
          min={0}
          step="0.01"
          inputMode="decimal"
          required
          error={errors.priceCents?.message}
          hint="0 for a free session"
          {...form.register("priceCents")}
        />
        <SelectField label="Currency" error={errors.currency?.message} {...form.register("currency")}>
          {/* A legacy code stays visible (and is refused) rather than silently replaced. */}
          {(supportedCurrencies.some((c) => c === currency) ? supportedCurrencies : [currency, ...supportedCurrencies]).map((c) => (
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
