"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useId } from "react";
import { useForm } from "react-hook-form";
import { TextAreaField } from "@/components/form-fields";
import { adminCancelForm, type AdminCancelFormValues } from "@/core/validation/admin-bookings";
import { ReviewedActionFooter } from "./reviewed-action-footer";
import { useReviewedSubmit } from "./use-reviewed-submit";

const REFUND_LABEL = {
  policy: "By the refund policy (as if the client cancelled)",
  full: "Full refund",
  none: "No refund (keep the payment)",
} as const;

/**
 * Cancelling from the console: the refund is a choice, the reason is required, and a money
 * action is confirmed in a second step that says what will happen.
 */
export function CancelBookingForm({ paid, onCancel }: { paid: boolean; onCancel: (values: AdminCancelFormValues) => Promise<unknown> }) {
  const headingId = useId();
  const form = useForm<AdminCancelFormValues, unknown, AdminCancelFormValues>({
    resolver: zodResolver(adminCancelForm),
    defaultValues: { refund: paid ? "full" : "none", reason: "" },
  });

  const { open, setOpen, review, clearReview, failure, submit } = useReviewedSubmit(form, {
    needsReview: (values) => paid && values.refund !== "none",
    run: onCancel,
  });

  if (!open) {
    return (
      <button type="button" className="button button-danger" onClick={() => setOpen(true)}>
        Cancel booking
      </button>
    );
  }
  const pending = form.formState.isSubmitting;
  return (
    <form className="card admin-confirm" onSubmit={(e) => void submit(e)} aria-labelledby={headingId}>
      <p id={headingId} className="notice-title">
        Cancel this booking?
      </p>
      {paid ? (
        <fieldset>
          <legend>Refund</legend>
          {(Object.keys(REFUND_LABEL) as (keyof typeof REFUND_LABEL)[]).map((choice) => (
            <label key={choice} className="radio">
              <input type="radio" value={choice} {...form.register("refund")} /> {REFUND_LABEL[choice]}
            </label>
          ))}
          {form.formState.errors.refund ? <p className="field-error">{form.formState.errors.refund.message}</p> : null}
        </fieldset>
      ) : (
        <p className="muted small">Nothing was paid: there is nothing to refund.</p>
      )}
      <TextAreaField
        label="Reason (kept in the audit log)"
        rows={2}
        maxLength={1000}
        required
        readOnly={review !== null}
        error={form.formState.errors.reason?.message}
        {...form.register("reason")}
      />
      {review ? (
        <p className="notice" role="alert">
          This cancels the booking and {review.refund === "full" ? "refunds the full payment" : "refunds what the policy allows"} to the
          client through Stripe. Confirm to go ahead.
        </p>
      ) : null}
      <ReviewedActionFooter
        failure={failure}
        showFailure={!form.formState.errors.reason}
        pending={pending}
        reviewing={review !== null}
        actionLabel="Cancel booking"
        confirmLabel="Yes, cancel and refund"
        closeLabel="Keep the booking"
        onBack={clearReview}
        onClose={() => setOpen(false)}
      />
    </form>
  );
}
