import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { MIN_PASSWORD_LENGTH, signUpName } from "@/core/validation/auth";
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
    emailAndPassword: { enabled: true, minPasswordLength: MIN_PASSWORD_LENGTH, autoSignIn: true },
    user: {
      additionalFields: {
        role: { type: "string", input: false, defaultValue: "CLIENT", required: false },
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 14,
      updateAge: 60 * 60 * 24,
      // The session and user, signed, in a cookie of their own: requests within maxAge skip
      // the session query. Roles are re-read from the database by the procedures anyway.
      cookieCache: { enabled: env.SESSION_COOKIE_CACHE_SECONDS > 0, maxAge: env.SESSION_COOKIE_CACHE_SECONDS },
    },
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

/** better-auth's session cookie (prefixed __Secure- when the base URL is https). */
const SESSION_COOKIE = /(?:^|;)\s*(?:__Secure-)?better-auth\.session_token=/;

/**
 * The signed-in user id for a request, or null. Roles are re-read from the database by callers.
 * `responseHeaders` receives the cookies better-auth sets while reading (the session cache
 * after it expired, a refreshed session), so API calls keep the cache warm, not only sign-in.
 */
export async function getSessionUserId(headers: Headers, responseHeaders?: Headers): Promise<string | null> {
  // Signed-out requests (most reads) carry no session cookie: better-auth would find nothing,
  // after a few hundred µs of its endpoint machinery per request.
  if (!SESSION_COOKIE.test(headers.get("cookie") ?? "")) return null;
  const { headers: set, response } = await getAuth().api.getSession({ headers, returnHeaders: true });
  for (const cookie of set.getSetCookie()) responseHeaders?.append("set-cookie", cookie);
  return response?.user.id ?? null;
}
