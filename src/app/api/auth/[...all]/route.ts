import { toNextJsHandler } from "better-auth/next-js";
import { getAuth, TRUSTED_CLIENT_IP_HEADER } from "@/server/auth/auth";
import { clientIpFrom, UNKNOWN_CLIENT } from "@/server/client-ip";
import { getEnv } from "@/server/env";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * better-auth reads the client address from one header only (see auth.ts). It is replaced here
 * with the address our proxies vouch for, or removed when none does (one shared bucket), so
 * a client cannot choose its own rate-limit key with a header.
 */
async function withTrustedClientIp(request: Request): Promise<Request> {
  const env = getEnv();
  const headers = new Headers(request.headers);
  headers.delete(TRUSTED_CLIENT_IP_HEADER);
  const ip = clientIpFrom(request.headers, { trustedProxyHops: env.TRUSTED_PROXY_HOPS, onVercel: env.VERCEL });
  // An IPv6 client is keyed by its /64 (client-ip.ts); better-auth wants an address, so the
  // network's first address stands for it (better-auth masks IPv6 to /64 itself as well).
  if (ip !== UNKNOWN_CLIENT) headers.set(TRUSTED_CLIENT_IP_HEADER, ip.replace(/\/64$/, ""));
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
  return new Request(request.url, { method: request.method, headers, body });
}

export const { GET, POST } = {
  GET: async (req: Request) => toNextJsHandler(getAuth()).GET(await withTrustedClientIp(req)),
  POST: async (req: Request) => toNextJsHandler(getAuth()).POST(await withTrustedClientIp(req)),
};
