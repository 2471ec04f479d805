// A tiny webhook endpoint for tests: records raw bodies and headers exactly as
// received and answers with a status the test chooses, so tests can verify
// signatures the way the app must (over the raw bytes) and exercise retries.
import { headerRecord, readBody, startServer } from "./http-util";

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
  const server = await startServer(async (req, res) => {
    const rawBody = await readBody(req);
    received.push({ path: req.url ?? "/", headers: headerRecord(req.headers), rawBody, at: new Date() });
    res.writeHead(queued.shift() ?? 200, { "Content-Type": "text/plain" });
    res.end("ok");
  });
  return {
    url: server.url,
    received,
    respondWith: (statuses) => void queued.push(...statuses),
    close: () => server.close(),
  };
}
