import superjson from "superjson";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { GET as trpcGet, POST as trpcPost } from "@/app/api/trpc/[trpc]/route";

// The app's real route handlers, called with real Requests: better-auth signs in and sets
// the session cookie, and the tRPC handler builds its context from that cookie (as in
// production), runs the procedure, formats the error and calls onError.

const BASE = "http://localhost:3000";

export type HttpResult = {
  status: number;
  text: string;
  error: { message: string; code: number; data: Record<string, unknown> & { appCode?: string; zodIssues?: unknown } } | null;
  data: unknown;
};

/** Signs up a new account through better-auth's own endpoint; returns its cookie and id. */
export async function signUp(name = "Http User"): Promise<{ cookie: string; userId: string; email: string }> {
  const email = `http-${crypto.randomUUID()}@example.test`;
  const res = await authPost(
    new Request(`${BASE}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: BASE },
      body: JSON.stringify({ name, email, password: "test-password-1" }),
    }),
  );
  if (res.status !== 200) throw new Error(`sign-up answered ${res.status}: ${await res.text()}`);
  // Sign-up does not sign in (docs/decisions/0024-account-enumeration.md): the form signs in next, and so does this.
  const signedIn = await authPost(
    new Request(`${BASE}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: BASE },
      body: JSON.stringify({ email, password: "test-password-1" }),
    }),
  );
  if (signedIn.status !== 200) throw new Error(`sign-in after sign-up answered ${signedIn.status}: ${await signedIn.text()}`);
  const cookie = signedIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const body = (await signedIn.json()) as { user: { id: string } };
  return { cookie, userId: body.user.id, email };
}

/** A tRPC request exactly as the client link sends it (superjson; GET for queries). */
export function trpcRequest(path: string, type: "query" | "mutation", encodedInput: string | null, cookie?: string): Request {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  if (type === "query") {
    const query = encodedInput === null ? "" : `?input=${encodeURIComponent(encodedInput)}`;
    return new Request(`${BASE}/api/trpc/${path}${query}`, { method: "GET", headers });
  }
  return new Request(`${BASE}/api/trpc/${path}`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    ...(encodedInput === null ? {} : { body: encodedInput }),
  });
}

export async function send(request: Request): Promise<HttpResult> {
  const res = await (request.method === "GET" ? trpcGet(request) : trpcPost(request));
  const text = await res.text();
  let parsed: { error?: { json: HttpResult["error"] }; result?: { data: unknown } } = {};
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    // not JSON: left for the caller's assertions on text
  }
  return { status: res.status, text, error: parsed.error?.json ?? null, data: parsed.result?.data };
}

export function callHttp(path: string, type: "query" | "mutation", input: unknown, cookie?: string): Promise<HttpResult> {
  const encoded = input === undefined ? null : JSON.stringify(superjson.serialize(input));
  return send(trpcRequest(path, type, encoded, cookie));
}
