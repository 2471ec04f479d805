import type { Role } from "@/generated/prisma/enums";

// Who is acting. Built by adapters (tRPC context, webhook handlers, cron) and passed
// explicitly: use-cases never read headers or sessions.
export type Actor = {
  userId: string | null;
  role: Role | null;
  /** Bearer token for an anonymous client's booking, when one was presented. */
  manageToken?: string | undefined;
};

export const systemActor: Actor = { userId: null, role: null };

export function isAdmin(actor: Actor): boolean {
  return actor.role === "ADMIN";
}
