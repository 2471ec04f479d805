"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/client";
import { getErrorMessage } from "@/lib/errors";

export function CompletePaymentButton({ bookingId, manageToken }: { bookingId: string; manageToken?: string | undefined }) {
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
        {checkout.isPending ? "Opening checkout…" : checkout.isSuccess ? "Redirecting…" : "Complete payment"}
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
