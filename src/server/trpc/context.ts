import type { PrismaClient } from "@/generated/prisma/client";
import { getDb } from "@/server/db/client";
import { getSessionUserId } from "@/server/auth/auth";

export type TrpcContext = {
  db: PrismaClient;
  /** From the auth session; the role is re-read from the database by the procedure ladder. */
  userId: string | null;
  clientIp: string;
  now: () => Date;
};

/** Tests build this directly and call routers with createCaller against a real database. */
export function createContextInner(opts: Partial<TrpcContext> & { db: PrismaClient }): TrpcContext {
  return { userId: null, clientIp: "test", now: () => new Date(), ...opts };
}

export async function createContext({ headers }: { headers: Headers }): Promise<TrpcContext> {
  return createContextInner({
    db: getDb(),
    userId: await getSessionUserId(headers),
    clientIp: headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? headers.get("x-real-ip") ?? "local",
  });
}
