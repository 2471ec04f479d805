// A tiny webhook endpoint for tests: records raw bodies and headers exactly as
// received and answers with a status the test chooses, so tests can verify
// signatures the way the app must (over the raw bytes) and exercise retries.
import { createSandboxApp, readBody, requestHeaders, startServer } from "./http-util";

export type ReceivedWebhook = { path: string; headers: Record<string, string>; rawBody: string; at: Date };

export type WebhookReceiver = {
  url: string;
  received: ReceivedWebhook[];
  /** Statuses for the next deliveries (then 200 again). */
  respondWith(statuses: number[]): void;
  close(): Promise<void>;
};

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const queued: number[] = [];
  const app = createSandboxApp();
  app.all("*", async (c) => {
    const rawBody = await readBody(c);
    received.push({ path: c.env.incoming.url ?? "/", headers: requestHeaders(c), rawBody, at: new Date() });
    return new Response("ok", { status: queued.shift() ?? 200, headers: { "Content-Type": "text/plain" } });
  });
  const server = await startServer(app);
  return {
    url: server.url,
    received,
    respondWith: (statuses) => void queued.push(...statuses),
    close: () => server.close(),
  };
}
