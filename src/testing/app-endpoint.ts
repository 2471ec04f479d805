import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { handleCalendlyWebhook } from "@/server/webhooks/calendly-webhook";
import { handleStripeWebhook } from "@/server/webhooks/stripe-webhook";

// The app's webhook routes (src/app/api/webhooks/*/route.ts are one-line wrappers of these
// handlers) served over real HTTP, so sandboxes deliver signed events exactly as the
// providers would, and the raw bytes reach the same verification code.

const routes: Record<string, (request: Request) => Promise<Response>> = {
  "/api/webhooks/stripe": handleStripeWebhook,
  "/api/webhooks/calendly": handleCalendlyWebhook,
};

async function toRequest(req: IncomingMessage, base: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
  return new Request(new URL(req.url ?? "/", base), { method: req.method, headers, body: Buffer.concat(chunks) });
}

export async function startAppEndpoint(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const route = routes[req.url ?? ""];
    if (!route || req.method !== "POST") {
      res.writeHead(404).end();
      return;
    }
    void toRequest(req, "http://127.0.0.1")
      .then(route)
      .then(async (response) => {
        res.writeHead(response.status, { "content-type": "application/json" });
        res.end(await response.text());
      })
      .catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
