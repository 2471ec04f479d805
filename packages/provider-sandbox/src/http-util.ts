// Hono plumbing shared by the provider sandboxes. Routing is Hono's; the handlers still
// read the exact raw bytes a client sent (to record them and to compare idempotent
// requests) and answer with the status, headers and bytes the providers send.
import type { IncomingHttpHeaders, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdaptorServer, type HttpBindings } from "@hono/node-server";
import { Hono, type Context } from "hono";

export type SandboxEnv = { Bindings: HttpBindings };
export type SandboxContext = Context<SandboxEnv>;
export type SandboxApp = Hono<SandboxEnv>;

export type RunningServer = {
  server: Server;
  port: number;
  /** http://127.0.0.1:<port>, without a trailing slash. */
  url: string;
  close(): Promise<void>;
};

/** Body size cap: provider APIs reject huge bodies too, and a test bug should not eat memory. */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function withLength(body: string, headers: Record<string, string>): Record<string, string> {
  return { ...headers, "Content-Length": String(Buffer.byteLength(body)) };
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const text = JSON.stringify(body);
  return new Response(text, { status, headers: withLength(text, { "Content-Type": "application/json; charset=utf-8", ...headers }) });
}

export function htmlResponse(status: number, html: string): Response {
  return new Response(html, {
    status,
    headers: withLength(html, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" }),
  });
}

/** 303 so a browser follows a POSTed form with a GET, as the real hosted pages do. */
export function redirectResponse(location: string, status = 303): Response {
  return new Response(null, { status, headers: { Location: location, "Content-Length": "0" } });
}

/** An empty answer with only these headers (SendGrid's 202). */
export function emptyResponse(status: number, headers: Record<string, string> = {}): Response {
  return new Response(null, { status, headers: { ...headers, "Content-Length": "0" } });
}

/**
 * The body exactly as sent, decoded as UTF-8 the way Node's Buffer does (no BOM
 * stripping); above the cap a 413. A GET or HEAD has no body as a fetch Request, so
 * whatever such a request carried is read from Node's own request: the sandboxes record
 * it, as they always did. (hono/body-limit is not used: it re-creates the Request, which
 * fails on @hono/node-server's request object while the global Request is left alone.)
 */
export async function readBody(c: SandboxContext): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const add = (chunk: Uint8Array): void => {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, "Request body too large");
    chunks.push(chunk);
  };
  const reader = c.req.raw.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      add(value);
    }
  } else if (!c.env.incoming.readableEnded) {
    for await (const chunk of c.env.incoming) add(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Hono's `/prefix/*` also matches `/prefix` itself; the sandboxes' namespaces begin at `/prefix/`. */
export function isUnder(c: SandboxContext, prefix: string): boolean {
  return requestUrl(c).pathname.startsWith(`${prefix}/`);
}

/**
 * Runs `task` once the response has been handed to the socket (or the connection closed):
 * providers answer the API call first and notify afterwards.
 */
export function afterSent(c: SandboxContext, task: () => void): void {
  const outgoing = c.env.outgoing;
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    task();
  };
  outgoing.once("finish", once);
  outgoing.once("close", once);
}

/** The request URL; only its path and query are meaningful (the host is the client's Host header). */
export function requestUrl(c: SandboxContext): URL {
  return new URL(c.req.url);
}

/** Node gives lowercased names already; join repeated headers the way fetch does. */
export function headerRecord(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

/** The request headers as Node parsed them, in arrival order (what the sandboxes record). */
export function requestHeaders(c: SandboxContext): Record<string, string> {
  return headerRecord(c.env.incoming.headers);
}

export function bearerToken(c: SandboxContext): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(c.env.incoming.headers.authorization ?? "");
  return match?.[1]?.trim();
}

/** Parses a JSON body for the sandbox control routes; empty means {}. */
export function parseJsonObject(raw: string): Record<string, unknown> {
  if (raw.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new HttpError(400, "Body is not valid JSON");
  }
  if (!isRecord(value)) throw new HttpError(400, "Body must be a JSON object");
  return value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function optionalString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/**
 * A Hono app with the sandboxes' common behaviour: an HttpError (a body above the cap,
 * bad control input) or an unexpected handler error becomes a JSON answer instead of a
 * hung request.
 */
export function createSandboxApp(): SandboxApp {
  const app = new Hono<SandboxEnv>();
  app.onError((err) => jsonResponse(err instanceof HttpError ? err.status : 500, { error: err.message }));
  return app;
}

/**
 * Serves an app on 127.0.0.1 (port 0 = any free port). The global Request and Response
 * are left alone (the sandboxes share a process with the app in tests), and close() drops
 * keep-alive sockets so tests end promptly.
 */
export async function startServer(app: Pick<SandboxApp, "fetch">, port = 0): Promise<RunningServer> {
  const server = createAdaptorServer({ fetch: app.fetch, overrideGlobalObjects: false }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    server,
    port: actualPort,
    url: `http://127.0.0.1:${actualPort}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** A named path segment of the route that matched (decoded); "" when absent. */
export function pathParam(c: SandboxContext, name: string): string {
  return c.req.param(name) ?? "";
}
