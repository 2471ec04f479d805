import type { Role } from "@/generated/prisma/enums";
import type { Tx } from "./tx";

// Who is acting. Built by adapters (tRPC context, webhook handlers, cron) and passed
// explicitly: use-cases never read headers or sessions.
export type Actor = {
  userId: string | null;
  role: Role | null;
  /** Bearer token for an anonymous client's booking, when one was presented. */
  manageToken?: string | undefined;
};

export function isAdmin(actor: Actor): boolean {
  return actor.role === "ADMIN";
}

/** The actor for a signed-in user (role re-read from the database) or a guest, with the manage token presented. */
export async function loadActor(
  tx: Tx,
  { userId, manageToken }: { userId: string | null; manageToken?: string | undefined },
): Promise<Actor> {
  if (!userId) return { userId: null, role: null, manageToken };
  const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
  return { userId: user ? userId : null, role: user?.role ?? null, manageToken };
}
