import { createServer, type IncomingMessage, type Server } from "node:http";
import { gunzipSync } from "node:zlib";

// A stand-in for Sentry's ingest: it accepts envelope POSTs at /api/<project>/envelope/ (the
// SDK's transport; the browser sends the same format) and keeps the error events, so tests
// check what the real SDK sent, not what we told a mock. Tests only (also used by e2e).

export type SentryEvent = {
  event_id: string;
  level?: string;
  message?: string;
  tags?: Record<string, string>;
  extra?: Record<string, unknown>;
  platform?: string;
  exception?: { values?: { type?: string; value?: string }[] };
  request?: { url?: string };
};

export type EnvelopeServer = { dsn: string; port: number; events: SentryEvent[]; close(): Promise<void> };

function parseEnvelope(body: string): SentryEvent[] {
  // Newline-separated JSON: the envelope header, then per item a header and a payload.
  const lines = body.split("\n").filter((l) => l.trim() !== "");
  const events: SentryEvent[] = [];
  for (let i = 1; i + 1 < lines.length; i += 2) {
    const header = JSON.parse(lines[i] ?? "{}") as { type?: string };
    if (header.type === "event") events.push(JSON.parse(lines[i + 1] ?? "{}") as SentryEvent);
  }
  return events;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  return (req.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString("utf8");
}

/** Listens on `port` (0: any free one); the DSN is `http://public@127.0.0.1:<port>/1`. */
export async function startEnvelopeServer(port = 0): Promise<EnvelopeServer> {
  const events: SentryEvent[] = [];
  const server: Server = createServer((req, res) => {
    // The browser SDK posts cross-origin (text/plain, so no preflight), and reads no answer.
    res.setHeader("access-control-allow-origin", "*");
    if (req.method === "POST" && /^\/api\/1\/envelope\/?(\?.*)?$/.test(req.url ?? "")) {
      readBody(req).then(
        (body) => {
          events.push(...parseEnvelope(body));
          res.writeHead(200, { "content-type": "application/json" }).end("{}");
        },
        () => res.writeHead(400).end(),
      );
      return;
    }
    res.writeHead(req.method === "OPTIONS" ? 204 : 404).end();
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address();
  const bound = typeof address === "object" && address ? address.port : port;
  return {
    dsn: `http://public@127.0.0.1:${bound}/1`,
    port: bound,
    events,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
