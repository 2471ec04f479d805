"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Controller, FormProvider, useForm } from "react-hook-form";
import {
  availabilityForm,
  availabilityFormValues,
  type AvailabilityFormValues,
  type AvailabilityInput,
} from "@/core/validation/availability";
import { TextField } from "@/components/form-fields";
import { ErrorNotice, Loading } from "@/components/status";
import { TimeZoneSelect } from "@/components/time-zone-select";
import { getErrorMessage } from "@/lib/errors";
import { showServerErrors } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/client";
import type { RouterOutputs } from "@/trpc/types";
import { OverridesEditor } from "./overrides-editor";
import { WeeklyRulesEditor } from "./weekly-rules-editor";

export function AvailabilityEditor() {
  const trpc = useTRPC();
  const query = useQuery(trpc.availability.get.queryOptions());
  if (query.isPending) return <Loading label="Loading availability…" />;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  return <AvailabilityForm initial={query.data} />;
}

type NumberKey = "bufferBeforeMinutes" | "bufferAfterMinutes" | "minimumNoticeMinutes" | "bookingWindowDays";

function AvailabilityForm({ initial }: { initial: RouterOutputs["availability"]["get"] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<AvailabilityFormValues, unknown, AvailabilityInput>({
    resolver: zodResolver(availabilityForm),
    defaultValues: availabilityFormValues(initial),
  });
  const { errors, isDirty } = form.formState;
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.availability.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.availability.pathFilter());
        await queryClient.invalidateQueries(trpc.slot.list.pathFilter());
      },
    }),
  );

  const onSubmit = form.handleSubmit(
    (values) => {
      setSaved(false);
      const submitted = form.getValues();
      save.mutate(values, {
        onSuccess: () => {
          // What was saved becomes the baseline, so "saved" shows until the next edit (an edit
          // made while saving stays an unsaved change).
          form.reset(submitted, { keepValues: true });
          setSaved(true);
        },
        onError: (error) => showServerErrors(form.setError, error),
      });
    },
    () => {
      setSaved(false);
      save.reset();
    },
  );

  const numberField = (key: NumberKey, label: string, hint?: string) => (
    <TextField
      label={label}
      type="number"
      min={0}
      step={1}
      inputMode="numeric"
      error={errors[key]?.message}
      hint={hint}
      {...form.register(key, { valueAsNumber: true })}
    />
  );

  return (
    <FormProvider {...form}>
      <form className="form availability-form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <Controller
          control={form.control}
          name="timeZone"
          render={({ field, fieldState }) => (
            <TimeZoneSelect
              label="Availability time zone"
              value={field.value}
              onChange={field.onChange}
              error={fieldState.error?.message}
            />
          )}
        />

        <section aria-labelledby="weekly-heading">
          <h3 id="weekly-heading">Weekly hours</h3>
          <WeeklyRulesEditor />
        </section>

        <section aria-labelledby="limits-heading">
          <h3 id="limits-heading">Scheduling limits</h3>
          <div className="field-row">
            {numberField("bufferBeforeMinutes", "Buffer before (minutes)")}
            {numberField("bufferAfterMinutes", "Buffer after (minutes)")}
            {numberField("minimumNoticeMinutes", "Minimum notice (minutes)", "How soon before a session it can be booked.")}
            {numberField("bookingWindowDays", "Booking window (days)", "How far ahead clients can book.")}
          </div>
        </section>

        <section aria-labelledby="overrides-heading">
          <h3 id="overrides-heading">Date overrides</h3>
          <OverridesEditor />
        </section>

        <div aria-live="polite">
          {save.isError ? (
            <p className="notice notice-error" role="alert">
              {getErrorMessage(save.error)}
            </p>
          ) : Object.keys(errors).length > 0 ? (
            <p className="notice notice-error" role="alert">
              Please fix the highlighted fields.
            </p>
          ) : saved && !isDirty ? (
            <p className="notice notice-success">Availability saved.</p>
          ) : null}
        </div>
        <p className="field-hint">Changes, including added or removed overrides, apply when you save.</p>
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save availability"}
        </button>
      </form>
    </FormProvider>
  );
}
