"use client";

import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { safeNextPath } from "@/lib/safe-next";

type AuthResult = { error?: { message?: string | undefined } | null | undefined };

/**
 * Runs a better-auth call (sign in, sign up): shows its error or, on success, drops every
 * cached query (they were fetched as someone else) and goes on to `next` (re-checked here too:
 * the hook must not become an open redirect for a caller that forgot the page's check).
 */
export function useAuthAction(next: string) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function run(action: () => Promise<AuthResult>, failureMessage: string): Promise<void> {
    setError(null);
    setPending(true);
    try {
      const result = await action();
      if (result.error) {
        setError(result.error.message ?? failureMessage);
        return;
      }
      await queryClient.resetQueries();
      router.replace(safeNextPath(next));
    } catch {
      setError("Could not reach the server. Please try again.");
    } finally {
      setPending(false);
    }
  }

  return { error, setError, pending, run };
}
