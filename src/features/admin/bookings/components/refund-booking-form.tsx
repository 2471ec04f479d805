"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useId } from "react";
import { useForm } from "react-hook-form";
import { TextAreaField, TextField } from "@/components/form-fields";
import { adminRefundForm, type AdminRefundFormValues } from "@/core/validation/admin-bookings";
import { ReviewedActionFooter } from "./reviewed-action-footer";
import { useReviewedSubmit } from "./use-reviewed-submit";
import { formatMoney } from "./booking-labels";

/** Refunding a cancelled booking's kept payment, in full or in part, confirmed in a second step. */
export function RefundBookingForm({
  paidCents,
  currency,
  onRefund,
}: {
  paidCents: number;
  currency: string;
  onRefund: (values: AdminRefundFormValues) => Promise<unknown>;
}) {
  const headingId = useId();
  const form = useForm<AdminRefundFormValues, unknown, AdminRefundFormValues>({
    resolver: zodResolver(adminRefundForm),
    defaultValues: { mode: "full", reason: "" },
  });
  const mode = form.watch("mode");

  const { open, setOpen, review, clearReview, failure, submit } = useReviewedSubmit(form, { needsReview: () => true, run: onRefund });

  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Refund
      </button>
    );
  }
  const pending = form.formState.isSubmitting;
  const amount = review?.mode === "amount" ? (review.amountCents ?? 0) : paidCents;
  return (
    <form className="card admin-confirm" onSubmit={(e) => void submit(e)} aria-labelledby={headingId}>
      <p id={headingId} className="notice-title">
        Refund the kept payment of {formatMoney(paidCents, currency)}?
      </p>
      <fieldset>
        <legend>How much</legend>
        <label className="radio">
          <input type="radio" value="full" {...form.register("mode")} /> All of it
        </label>
        <label className="radio">
          <input type="radio" value="amount" {...form.register("mode")} /> Part of it
        </label>
        {mode === "amount" ? (
          <TextField
            label="Amount in cents"
            type="number"
            min={1}
            max={paidCents}
            error={form.formState.errors.amountCents?.message}
            {...form.register("amountCents", { setValueAs: (v: string) => (v === "" ? undefined : Number(v)) })}
          />
        ) : null}
      </fieldset>
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
          This refunds {formatMoney(amount, currency)} to the client through Stripe. Confirm to go ahead.
        </p>
      ) : null}
      <ReviewedActionFooter
        failure={failure}
        showFailure={!form.formState.errors.reason && !form.formState.errors.amountCents}
        pending={pending}
        reviewing={review !== null}
        actionLabel="Refund"
        confirmLabel="Yes, refund"
        closeLabel="Close"
        onBack={clearReview}
        onClose={() => setOpen(false)}
      />
    </form>
  );
}
