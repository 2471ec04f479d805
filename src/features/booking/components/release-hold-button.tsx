"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/client";
import { getErrorMessage } from "@/lib/errors";

/** Gives up an unpaid hold at once: nothing was paid, so nothing is lost and no dialog is needed. */
export function ReleaseHoldButton({ bookingId, manageToken }: { bookingId: string; manageToken?: string | undefined }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const release = useMutation(
    trpc.booking.cancel.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.booking.pathFilter());
        await queryClient.invalidateQueries(trpc.slot.list.pathFilter());
      },
    }),
  );

  return (
    <div>
      <button
        type="button"
        className="button button-secondary"
        disabled={release.isPending || release.isSuccess}
        onClick={() => release.mutate({ id: bookingId, ...(manageToken ? { manageToken } : {}) })}
      >
        {release.isPending ? "Releasing…" : "Release this time"}
      </button>
      <div aria-live="assertive">
        {release.isError ? (
          <p className="notice notice-error" role="alert">
            {getErrorMessage(release.error)}
          </p>
        ) : null}
      </div>
    </div>
  );
}
