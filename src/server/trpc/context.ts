import type { PrismaClient } from "@/generated/prisma/client";
import { getDb } from "@/server/db/client";
import { getSessionUserId } from "@/server/auth/auth";
import { clientIpFrom } from "@/server/client-ip";
import { getEnv } from "@/server/env";

export type TrpcContext = {
  db: PrismaClient;
  /** From the auth session; the role is re-read from the database by the procedure ladder. */
  userId: string | null;
  /** The rate-limit identity of a signed-out client (src/server/client-ip.ts); never a header read as-is. */
  clientIp: string;
  now: () => Date;
};

/** Tests build this directly and call routers with createCaller against a real database. */
export function createContextInner(opts: Partial<TrpcContext> & { db: PrismaClient }): TrpcContext {
  return { userId: null, clientIp: "test", now: () => new Date(), ...opts };
}

/** responseHeaders: where the auth session's refreshed cookies go (the tRPC response). */
export async function createContext({ headers, responseHeaders }: { headers: Headers; responseHeaders?: Headers }): Promise<TrpcContext> {
  const env = getEnv();
  return createContextInner({
    db: getDb(),
    userId: await getSessionUserId(headers, responseHeaders),
    clientIp: clientIpFrom(headers, { trustedProxyHops: env.TRUSTED_PROXY_HOPS, onVercel: env.VERCEL }),
  });
}
