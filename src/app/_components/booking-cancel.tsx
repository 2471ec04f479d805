"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { useTRPC } from "@/trpc/client";
import type { BookingView } from "@/trpc/types";
import { getErrorMessage } from "../_lib/errors";
import { TextAreaField } from "./form-fields";

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
  const [reason, setReason] = useState("");
  const headingId = useId();
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

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    cancel.mutate({
      id: booking.id,
      ...(manageToken ? { manageToken } : {}),
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    });
  }

  if (!confirming) {
    return (
      <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
        Cancel booking
        {contextLabel ? <span className="visually-hidden"> {contextLabel}</span> : null}
      </button>
    );
  }

  return (
    <form className="card cancel-confirm" onSubmit={onSubmit} aria-labelledby={headingId}>
      <p id={headingId} className="notice-title">
        Cancel this booking?
      </p>
      {booking.paymentStatus === "PAID" ? <p className="muted small">Any refund follows the builder&apos;s cancellation policy.</p> : null}
      <TextAreaField
        label="Reason (optional)"
        name="reason"
        rows={3}
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
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
