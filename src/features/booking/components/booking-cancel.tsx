"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { useForm } from "react-hook-form";
import { cancelBookingForm, type CancelBookingFormValues } from "@/core/validation/booking";
import { TextAreaField } from "@/components/form-fields";
import { getErrorMessage } from "@/lib/errors";
import { showServerErrors } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/client";
import type { BookingView } from "@/trpc/types";

/** "Cancel booking" button with a confirm step and an optional reason. */
export function BookingCancel({
  booking,
  manageToken,
  onCancelled,
  contextLabel,
}: {
  booking: BookingView;
  manageToken?: string | undefined;
  onCancelled?: (updated: BookingView) => void;
  /** Extra screen-reader context when several bookings are listed. */
  contextLabel?: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const form = useForm<CancelBookingFormValues, unknown, CancelBookingFormValues>({
    resolver: zodResolver(cancelBookingForm),
    defaultValues: { reason: "" },
  });
  const headingId = useId();
  const preview = booking.cancellation;
  // The outcome was computed when the booking was read; once the refund cutoff passes it no
  // longer holds, so read the booking again then (timers past ~24 days overflow: skip those).
  const cutoffMs = preview?.refundCutoff ? preview.refundCutoff.getTime() - Date.now() : -1;
  useEffect(() => {
    if (!confirming || cutoffMs <= 0 || cutoffMs > 2 ** 31 - 1) return;
    const timer = window.setTimeout(() => void queryClient.invalidateQueries(trpc.booking.pathFilter()), cutoffMs + 1_000);
    return () => window.clearTimeout(timer);
  }, [confirming, cutoffMs, queryClient, trpc]);
  const cancel = useMutation(
    trpc.booking.cancel.mutationOptions({
      onSuccess: async (updated) => {
        setConfirming(false);
        onCancelled?.(updated);
        await queryClient.invalidateQueries(trpc.booking.pathFilter());
        await queryClient.invalidateQueries(trpc.slot.list.pathFilter());
      },
    }),
  );

  const onSubmit = form.handleSubmit(({ reason }) =>
    cancel.mutate(
      { id: booking.id, ...(manageToken ? { manageToken } : {}), ...(reason ? { reason } : {}) },
      { onError: (error) => showServerErrors(form.setError, error) },
    ),
  );

  if (!confirming) {
    return (
      <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
        Cancel booking
        {contextLabel ? <span className="visually-hidden"> {contextLabel}</span> : null}
      </button>
    );
  }

  return (
    <form className="card cancel-confirm" onSubmit={(e) => void onSubmit(e)} aria-labelledby={headingId}>
      <p id={headingId} className="notice-title">
        Cancel this booking?
      </p>
      {preview?.outcome ? (
        <p className="notice" data-testid="cancel-outcome">
          <strong>{preview.outcome}</strong>
        </p>
      ) : null}
      {preview?.policy ? <p className="muted small">{preview.policy}</p> : null}
      <TextAreaField
        label="Reason (optional)"
        rows={3}
        maxLength={500}
        error={form.formState.errors.reason?.message}
        {...form.register("reason")}
      />
      <div aria-live="assertive">
        {cancel.isError ? (
          <p className="notice notice-error" role="alert">
            {getErrorMessage(cancel.error)}
          </p>
        ) : null}
      </div>
      <div className="button-row">
        <button type="submit" className="button button-danger" disabled={cancel.isPending}>
          {cancel.isPending ? "Cancelling…" : "Yes, cancel booking"}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setConfirming(false)} disabled={cancel.isPending}>
          Keep booking
        </button>
      </div>
    </form>
  );
}
