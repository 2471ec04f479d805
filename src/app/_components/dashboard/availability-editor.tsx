"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/trpc/client";
import type { RouterOutputs } from "@/trpc/types";
import { getErrorMessage, getFieldErrors } from "../../_lib/errors";
import { TextField } from "../form-fields";
import { ErrorNotice, Loading } from "../status";
import { TimeZoneSelect } from "../time-zone-select";
import { fromDraft, toDraft, type AvailabilityDraft, type DraftErrors } from "./availability-draft";
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
  const [draft, setDraft] = useState<AvailabilityDraft>(() => toDraft(initial));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [rowKeys, setRowKeys] = useState<{ rules: string[]; overrides: string[] }>({ rules: [], overrides: [] });
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.availability.update.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await queryClient.invalidateQueries(trpc.availability.pathFilter());
        await queryClient.invalidateQueries(trpc.slot.list.pathFilter());
      },
    }),
  );

  // Map server issues ("rules.3.endMinute", "overrides.0", "bookingWindowDays") onto draft rows/fields.
  const serverErrors: DraftErrors = {};
  for (const [path, message] of Object.entries(getFieldErrors(save.error))) {
    const [head, index] = path.split(".");
    const rowKey = (head === "rules" || head === "overrides") && index !== undefined ? rowKeys[head][Number(index)] : undefined;
    if (rowKey) serverErrors[rowKey] = message;
    else if (head) serverErrors[head] ??= message;
  }
  const allErrors = { ...serverErrors, ...errors };

  const update = (patch: Partial<AvailabilityDraft>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...patch }));
  };
  const numberField = (key: NumberKey, label: string, hint?: string) => (
    <TextField
      label={label}
      name={key}
      type="number"
      min={0}
      step={1}
      inputMode="numeric"
      value={draft[key]}
      onChange={(e) => update({ [key]: e.target.value })}
      error={allErrors[key]}
      hint={hint}
    />
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const result = fromDraft(draft);
    setErrors(result.errors);
    setRowKeys({ rules: result.ruleKeys, overrides: result.overrideKeys });
    if (result.input) save.mutate(result.input);
  }

  const hasLocalErrors = Object.keys(errors).length > 0;

  return (
    <form className="form availability-form" onSubmit={onSubmit} noValidate>
      <TimeZoneSelect
        label="Availability time zone"
        value={draft.timeZone}
        onChange={(timeZone) => update({ timeZone })}
        error={allErrors.timeZone}
      />

      <section aria-labelledby="weekly-heading">
        <h3 id="weekly-heading">Weekly hours</h3>
        <WeeklyRulesEditor rules={draft.rules} errors={allErrors} onChange={(rules) => update({ rules })} />
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
        <OverridesEditor overrides={draft.overrides} errors={allErrors} onChange={(overrides) => update({ overrides })} />
      </section>

      <div aria-live="polite">
        {hasLocalErrors ? (
          <p className="notice notice-error" role="alert">
            Please fix the highlighted fields.
          </p>
        ) : save.isError ? (
          <p className="notice notice-error" role="alert">
            {getErrorMessage(save.error)}
          </p>
        ) : saved ? (
          <p className="notice notice-success">Availability saved.</p>
        ) : null}
      </div>
      <p className="field-hint">Changes, including added or removed overrides, apply when you save.</p>
      <button type="submit" className="button" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save availability"}
      </button>
    </form>
  );
}
