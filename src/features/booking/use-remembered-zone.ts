"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useViewerZone } from "@/lib/use-viewer-zone";
import { useTRPC } from "@/trpc/client";

/**
 * useViewerZone with the signed-in viewer's account behind it: their stored zone wins, and a
 * zone they pick is saved to the account (viewer.setTimeZone) as well as this browser.
 */
export function useRememberedZone(): ReturnType<typeof useViewerZone> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.viewer.me.queryOptions());
  const { mutate } = useMutation(trpc.viewer.setTimeZone.mutationOptions());
  const signedIn = Boolean(me.data);

  const remember = useCallback(
    (timeZone: string) => {
      if (!signedIn) return;
      // Shown at once; the save follows (a failed save leaves this browser's choice in place).
      queryClient.setQueryData(trpc.viewer.me.queryKey(), (viewer) => (viewer ? { ...viewer, timeZone } : viewer));
      mutate({ timeZone });
    },
    [signedIn, mutate, queryClient, trpc],
  );

  return useViewerZone({ zone: me.data ? me.data.timeZone : undefined, pending: me.isPending, remember });
}
