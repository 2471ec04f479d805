"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/client";
import { getErrorMessage } from "@/lib/errors";

/** Opens Stripe Checkout for a held booking: a new session, or the same one again (idempotent on the server). */
export function CompletePaymentButton({
  bookingId,
  manageToken,
  label = "Complete payment",
  contextLabel,
}: {
  bookingId: string;
  manageToken?: string | undefined;
  label?: string;
  /** Extra screen-reader context when several bookings are listed. */
  contextLabel?: string;
}) {
  const trpc = useTRPC();
  const checkout = useMutation(
    trpc.booking.checkout.mutationOptions({
      onSuccess: ({ url }) => window.location.assign(url),
    }),
  );

  return (
    <div className="complete-payment">
      <button
        type="button"
        className="button"
        disabled={checkout.isPending || checkout.isSuccess}
        onClick={() => checkout.mutate({ id: bookingId, ...(manageToken ? { manageToken } : {}) })}
      >
        {checkout.isPending ? "Opening checkout…" : checkout.isSuccess ? "Redirecting…" : label}
        {contextLabel && !checkout.isPending && !checkout.isSuccess ? <span className="visually-hidden"> {contextLabel}</span> : null}
      </button>
      <div aria-live="assertive">
        {checkout.isError ? (
          <p className="notice notice-error" role="alert">
            {getErrorMessage(checkout.error)}
          </p>
        ) : null}
      </div>
    </div>
  );
}
