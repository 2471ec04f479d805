"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { TextAreaField } from "@/components/form-fields";
import { operatorReasonForm, type OperatorReasonFormValues } from "@/core/validation/admin-webhooks";
import { getErrorMessage } from "@/lib/errors";
import { showServerErrors } from "@/lib/form-errors";

type Props = {
  /** The button that opens the confirmation, e.g. "Apply". */
  label: string;
  /** The question asked, e.g. "Apply this held event to its booking?". */
  question: string;
  /** What happens, said before the operator confirms. */
  consequence?: string;
  confirmLabel: string;
  danger?: boolean;
  /** Extra context for screen readers when several buttons share a label. */
  contextLabel?: string;
  onConfirm: (reason: string) => Promise<unknown>;
};

/**
 * An operator action: a button, then a confirmation that requires a reason (kept in the audit
 * log with the action). The API checks the reason again; its messages land on the field.
 */
export function ActionWithReason({ label, question, consequence, confirmLabel, danger, contextLabel, onConfirm }: Props) {
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const headingId = useId();
  const form = useForm<OperatorReasonFormValues, unknown, OperatorReasonFormValues>({
    resolver: zodResolver(operatorReasonForm),
    defaultValues: { reason: "" },
  });
  const buttonClass = danger ? "button button-danger" : "button";

  const onSubmit = form.handleSubmit(async ({ reason }) => {
    setFailure(null);
    try {
      await onConfirm(reason);
      form.reset();
      setOpen(false);
    } catch (error) {
      showServerErrors(form.setError, error);
      setFailure(error);
    }
  });

  if (!open) {
    return (
      <button type="button" className={buttonClass} onClick={() => setOpen(true)}>
        {label}
        {contextLabel ? <span className="visually-hidden"> {contextLabel}</span> : null}
      </button>
    );
  }
  const pending = form.formState.isSubmitting;
  return (
    <form className="card admin-confirm" onSubmit={(e) => void onSubmit(e)} aria-labelledby={headingId}>
      <p id={headingId} className="notice-title">
        {question}
      </p>
      {consequence ? <p className="muted small">{consequence}</p> : null}
      <TextAreaField
        label="Reason (kept in the audit log)"
        rows={2}
        maxLength={1000}
        required
        error={form.formState.errors.reason?.message}
        {...form.register("reason")}
      />
      <div aria-live="assertive">
        {failure && !form.formState.errors.reason ? (
          <p className="notice notice-error" role="alert">
            {getErrorMessage(failure)}
          </p>
        ) : null}
      </div>
      <div className="button-row">
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Working…" : confirmLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)} disabled={pending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
