import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { singleLineText } from "@/core/validation/fields";
import { getDb } from "@/server/db/client";
import { getEnv } from "@/server/env";

// better-auth owns password hashing, sessions (rows in "Session") and cookies.
// The role lives on "User" and is never accepted from sign-up input.

/**
 * The header the /api/auth route sets to the client address it worked out (src/server/client-ip.ts),
 * after deleting whatever the request carried: better-auth's own sign-in/sign-up limiter keys on
 * it, so a forged X-Forwarded-For no longer buys a fresh budget.
 */
export const TRUSTED_CLIENT_IP_HEADER = "x-booking-client-ip";

/** A display name as every other form takes it: one line of plain text. */
const signUpName = singleLineText({ min: 1, max: 80 });

// better-auth takes middleware as an async function; this one needs no await.
// eslint-disable-next-line @typescript-eslint/require-await
const validateSignUp = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== "/sign-up/email" && ctx.path !== "/update-user") return;
  const body = ctx.body as { name?: unknown } | undefined;
  if (body?.name === undefined && ctx.path === "/update-user") return;
  const name = signUpName.safeParse(body?.name);
  if (!name.success) {
    throw new APIError("BAD_REQUEST", { message: `Name: ${name.error.issues[0]?.message ?? "invalid"}` });
  }
  return { context: { body: { ...body, name: name.data } } };
});

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
    advanced: { ipAddress: { ipAddressHeaders: [TRUSTED_CLIENT_IP_HEADER] } },
    hooks: { before: validateSignUp },
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
