import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { MIN_PASSWORD_LENGTH, signUpName } from "@/core/validation/auth";
import type { AccountEmailPayload } from "@/modules/accounts/account-email-payload";
import { queueAccountEmail } from "@/modules/accounts/queue-account-email";
import { getDb } from "@/server/db/client";
import { getEnv } from "@/server/env";
import { dispatchOutboxSoon } from "@/server/jobs/dispatch-soon";

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

/** How long a reset link works (better-auth's default, stated so the email can say it). */
export const RESET_TOKEN_SECONDS = 60 * 60;

/**
 * Account emails leave through the outbox like every other email: the auth request writes the
 * row and hands it to the worker, and never waits on (or fails with) the email provider.
 */
async function queueEmail(userId: string, payload: AccountEmailPayload): Promise<void> {
  await queueAccountEmail(getDb(), { userId, payload });
  dispatchOutboxSoon();
}

function createAuth() {
  const env = getEnv();
  return betterAuth({
    baseURL: env.NEXT_PUBLIC_BASE_URL,
    secret: env.BETTER_AUTH_SECRET,
    database: prismaAdapter(getDb(), { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      // Not signing in at sign-up is what makes better-auth answer a sign-up with a known
      // address exactly like a new one (and hash the password alike, for the timing); the form
      // signs in right after. See docs/decisions/0024-account-enumeration.md.
      autoSignIn: false,
      onExistingUserSignUp: ({ user }) => queueEmail(user.id, { template: "existing-account" }),
      resetPasswordTokenExpiresIn: RESET_TOKEN_SECONDS,
      // The link goes through better-auth's check (GET /api/auth/reset-password/:token), which
      // sends the browser on to /reset-password?token=... or, for a used or expired link, to
      // /reset-password?error=INVALID_TOKEN. Built here, not from the caller's redirectTo.
      sendResetPassword: ({ user, token }) =>
        queueEmail(user.id, {
          template: "password-reset",
          url: `${env.NEXT_PUBLIC_BASE_URL}/api/auth/reset-password/${token}?callbackURL=${encodeURIComponent("/reset-password")}`,
          expiresAt: new Date(Date.now() + RESET_TOKEN_SECONDS * 1000).toISOString(),
        }),
      // Whoever knew the old password (the reason to reset, often) is signed out everywhere.
      revokeSessionsOnPasswordReset: true,
    },
    // Reset tokens are stored hashed: a copy of the database does not hand out reset links.
    verification: { storeIdentifier: "hashed" },
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
    // better-auth's own rules keep sign-in/sign-up at 3 per 10 s and reset requests at 3 a
    // minute per client; setting a new password gets the sign-in rule too.
    rateLimit: { enabled: env.NODE_ENV === "production", window: 60, max: 30, customRules: { "/reset-password": { window: 10, max: 3 } } },
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
