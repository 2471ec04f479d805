import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { getDb } from "@/server/db/client";
import { getEnv } from "@/server/env";

// better-auth owns password hashing, sessions (rows in "Session") and cookies.
// The role lives on "User" and is never accepted from sign-up input.

function createAuth() {
  const env = getEnv();
  return betterAuth({
    baseURL: env.NEXT_PUBLIC_BASE_URL,
    secret: env.BETTER_AUTH_SECRET,
    database: prismaAdapter(getDb(), { provider: "postgresql" }),
    emailAndPassword: { enabled: true, minPasswordLength: 8, autoSignIn: true },
    user: {
      additionalFields: {
        role: { type: "string", input: false, defaultValue: "CLIENT", required: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    rateLimit: { enabled: env.NODE_ENV === "production", window: 60, max: 30 },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;

let auth: Auth | undefined;

export function getAuth(): Auth {
  auth ??= createAuth();
  return auth;
}

/** The signed-in user id for a request, or null. Roles are re-read from the database by callers. */
export async function getSessionUserId(headers: Headers): Promise<string | null> {
  const session = await getAuth().api.getSession({ headers });
  return session?.user.id ?? null;
}
