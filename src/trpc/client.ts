import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@/server/trpc/router";

/**
 * Typed tRPC hooks for client components.
 * Import `useTRPC` and pair it with TanStack Query's `useQuery` / `useMutation`.
 */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
