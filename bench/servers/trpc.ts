// builder.list through the app's own router and middleware (appRouter, superjson,
// input and output validation) behind tRPC's fetch adapter, the adapter the Next route
// handler uses. Served by node:http, so Next's own request pipeline is NOT measured.
// The context skips the auth-session lookup (createContextInner), as the brief asks.
import "../../src/testing/test-env";
import type http from "node:http";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createDb, setDbForTests } from "../../src/server/db/client";
import { createContextInner } from "../../src/server/trpc/context";
import { appRouter } from "../../src/server/trpc/router";
import { requiredEnv, serveChild } from "./child";

const db = createDb(requiredEnv("DATABASE_URL"), { poolSize: Number(requiredEnv("POOL_SIZE")) });
// Code that reaches for the process's client itself (slot.list's request counter flushes on a
// timer through getDb) must find this one: without it getDb would validate the production
// environment this child does not have, throw in the timer and end the process mid-phase.
setDbForTests(db);

async function readBody(req: http.IncomingMessage): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (req.method === "GET" || req.method === "HEAD") return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(key, v);
  }
  const body = await readBody(req);
  const request = new Request(new URL(req.url ?? "/", `http://${req.headers.host ?? "bench"}`), {
    method: req.method ?? "GET",
    headers,
    ...(body ? { body } : {}),
  });
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: () => createContextInner({ db }),
  });
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

serveChild(
  (req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error));
    });
  },
  () => db.$disconnect(),
);
