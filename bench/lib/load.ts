// A small closed-loop HTTP load generator: N keep-alive sockets, each sending its next
// request as soon as the previous response ends (what autocannon does with -c N), and a
// burst mode (N requests at once, one socket each). Kept in-repo so the bench needs nothing
// beyond the project's dependencies.
import http from "node:http";
import { summarize, type Latency } from "./stats";

export type Call = { method?: "GET" | "POST"; path: string; headers?: Record<string, string>; body?: string };
/** The request a connection sends next; `n` counts that connection's requests from 0. */
export type CallFor = (connection: number, n: number) => Call;

export type LoadOptions = {
  url: string;
  connections: number;
  durationMs: number;
  call: CallFor;
  /** Sees every answer (a client keeping the cookies it is given). */
  onAnswer?: (connection: number, answer: Answer) => void;
};
export type LoadResult = Latency & {
  requests: number;
  /** Answers other than 200, and failed connections ("socket"). */
  errors: number;
  statuses: Record<string, number>;
  rps: number;
  bytesPerResponse: number;
  seconds: number;
};

export type Answer = { status: number; bytes: number; headers: http.IncomingHttpHeaders; body: string };

export function send(agent: http.Agent, target: URL, call: Call, keepBody = false): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method: call.method ?? "GET",
        path: call.path,
        headers: { ...call.headers, ...(call.body === undefined ? {} : { "content-length": Buffer.byteLength(call.body) }) },
      },
      (res) => {
        let bytes = 0;
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => {
          bytes += chunk.length;
          if (keepBody) chunks.push(chunk);
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, bytes, headers: res.headers, body: Buffer.concat(chunks).toString() }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(call.body);
  });
}

const count = (statuses: Record<string, number>, key: string) => (statuses[key] = (statuses[key] ?? 0) + 1);

export async function runLoad({ url, connections, durationMs, call, onAnswer }: LoadOptions): Promise<LoadResult> {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let bytes = 0;
  const measureTo = performance.now() + durationMs;

  const worker = async (connection: number) => {
    for (let n = 0; performance.now() < measureTo; n++) {
      const start = performance.now();
      try {
        const answer = await send(agent, target, call(connection, n));
        const end = performance.now();
        onAnswer?.(connection, answer);
        // Only requests that finish inside the window count, so rps = counted / window is
        // not inflated by the last requests straddling its end. (Warm-up is a separate call.)
        if (end > measureTo) continue;
        count(statuses, String(answer.status));
        if (answer.status !== 200) continue;
        latencies.push(end - start);
        bytes = answer.bytes;
      } catch {
        count(statuses, "socket");
        // A refused or reset connection answers at once: do not spin on it.
        await new Promise((r) => setTimeout(r, 10));
      }
    }
  };

  await Promise.all(Array.from({ length: connections }, (_, i) => worker(i)));
  agent.destroy();
  const seconds = durationMs / 1000;
  const errors = Object.entries(statuses).reduce((sum, [status, n]) => sum + (status === "200" ? 0 : n), 0);
  return {
    ...summarize(latencies),
    requests: latencies.length,
    errors,
    statuses,
    rps: latencies.length / seconds,
    bytesPerResponse: bytes,
    seconds,
  };
}

export type BurstAnswer = Answer & { ms: number };

/** Sends every call at the same moment, each on a socket of its own; each answer with its latency. */
export async function runBurst(url: string, calls: Call[]): Promise<BurstAnswer[]> {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: false, maxSockets: calls.length });
  const answers = await Promise.all(
    calls.map(async (call) => {
      const start = performance.now();
      try {
        return { ...(await send(agent, target, call, true)), ms: performance.now() - start };
      } catch (error) {
        return { status: 0, bytes: 0, headers: {}, body: String(error), ms: performance.now() - start };
      }
    }),
  );
  agent.destroy();
  return answers;
}
