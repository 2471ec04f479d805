import "server-only";
import { headers } from "next/headers";
import { getDb } from "@/server/db/client";
import { getSessionUserId } from "./auth";

/**
 * The signed-in admin for a server-rendered admin page, or null. The role is read from the
 * database on every request (a demoted admin loses access at once), like adminProcedure.
 */
export async function currentAdmin(): Promise<{ id: string; name: string; email: string } | null> {
  const userId = await getSessionUserId(await headers());
  if (!userId) return null;
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, role: true } });
  return user?.role === "ADMIN" ? { id: user.id, name: user.name, email: user.email } : null;
}
