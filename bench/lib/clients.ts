// Signed-in clients for booking.create. Users and their sessions are written straight into
// the database (a sign-in through /api/auth costs a password hash each: minutes of CPU for a
// few hundred clients), with the session cookie signed as better-auth signs it. Each client
// then asks the real /api/auth/get-session once, as the browser does: that checks the cookie
// is accepted for the right user, and hands out the session cache cookie when it is on.
// Each client has an address of its own (better-auth limits /api/auth per address).
import { createHmac, randomBytes } from "node:crypto";
import http from "node:http";
import pg from "pg";
import { send } from "./load";

/** ip: the client's address as the bench's (pretend) load balancer forwards it (TRUSTED_PROXY_HOPS=1). */
export type Client = { userId: string; ip: string; cookie: string };

/** What a browser does with Set-Cookie: replace (or, on Max-Age=0, drop) the cookie of that name. */
export function keepCookies(client: Client, setCookie: string[] | undefined): void {
  for (const line of setCookie ?? []) {
    const pair = line.split(";")[0]!;
    const name = pair.slice(0, pair.indexOf("=") + 1);
    const others = client.cookie.split("; ").filter((c) => !c.startsWith(name));
    client.cookie = [...others, ...(/;\s*max-age=0/i.test(line) ? [] : [pair])].join("; ");
  }
}

/** better-auth prefixes its cookies with __Secure- when the base URL is https. */
function cookieName(baseUrl: string, name: string): string {
  return `${baseUrl.startsWith("https://") ? "__Secure-" : ""}better-auth.${name}`;
}

/** better-call's signed cookie value: `token.base64(HMAC-SHA256(secret, token))`, URI-encoded. */
function signed(token: string, secret: string): string {
  return encodeURIComponent(`${token}.${createHmac("sha256", secret).update(token).digest("base64")}`);
}

export async function createClients(opts: {
  databaseUrl: string;
  serverUrl: string;
  baseUrl: string;
  secret: string;
  count: number;
}): Promise<Client[]> {
  const users = Array.from({ length: opts.count }, (_, i) => ({
    id: `bench_client_${i}`,
    token: randomBytes(24).toString("base64url"),
  }));
  const db = new pg.Client({ connectionString: opts.databaseUrl });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO "User" (id, name, email, role, "updatedAt")
       SELECT id, 'Bench Client ' || n, id || '@bench.test', 'CLIENT', now() FROM unnest($1::text[]) WITH ORDINALITY AS u(id, n)`,
      [users.map((u) => u.id)],
    );
    await db.query(
      `INSERT INTO "Session" (id, token, "expiresAt", "userId", "updatedAt")
       SELECT 'bench_session_' || u.id, u.token, now() + interval '1 day', u.id, now()
         FROM unnest($1::text[], $2::text[]) AS u(id, token)`,
      [users.map((u) => u.id), users.map((u) => u.token)],
    );
  } finally {
    await db.end();
  }

  const target = new URL(opts.serverUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const clients: Client[] = [];
  try {
    for (const user of users) {
      const sessionCookie = `${cookieName(opts.baseUrl, "session_token")}=${signed(user.token, opts.secret)}`;
      const ip = `10.0.${Math.floor(clients.length / 250)}.${1 + (clients.length % 250)}`;
      const headers = { cookie: sessionCookie, "x-forwarded-for": ip };
      const answer = await send(agent, target, { path: "/api/auth/get-session", headers }, true);
      const session = answer.status === 200 ? (JSON.parse(answer.body) as { user?: { id: string } } | null) : null;
      if (session?.user?.id !== user.id) {
        throw new Error(`/api/auth/get-session did not accept the bench session of ${user.id}: HTTP ${answer.status} ${answer.body}`);
      }
      // Keeps the session cache cookie (session.cookieCache) when the server hands one out.
      const client = { userId: user.id, ip, cookie: sessionCookie };
      keepCookies(client, answer.headers["set-cookie"]);
      clients.push(client);
    }
  } finally {
    agent.destroy();
  }
  return clients;
}
