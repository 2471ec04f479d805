// A small closed-loop HTTP load generator: N keep-alive sockets, each sending its next
// request as soon as the previous response ends (what autocannon does with -c N). Kept
// in-repo so the bench needs nothing beyond the project's dependencies.
import http from "node:http";
import { summarize, type Latency } from "./stats";

export type LoadOptions = { url: string; connections: number; durationMs: number };
export type LoadResult = Latency & { requests: number; errors: number; rps: number; bytesPerResponse: number; seconds: number };

export async function runLoad({ url, connections, durationMs }: LoadOptions): Promise<LoadResult> {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  const measureTo = performance.now() + durationMs;

  const once = () =>
    new Promise<number>((resolve, reject) => {
      const req = http.get({ agent, host: target.hostname, port: target.port, path: target.pathname + target.search }, (res) => {
        let size = 0;
        res.on("data", (chunk: Buffer) => (size += chunk.length));
        res.on("end", () => (res.statusCode === 200 ? resolve(size) : reject(new Error(`HTTP ${res.statusCode}`))));
        res.on("error", reject);
      });
      req.on("error", reject);
    });

  const worker = async () => {
    while (performance.now() < measureTo) {
      const start = performance.now();
      try {
        const size = await once();
        const end = performance.now();
        // Only requests that finish inside the window count, so rps = counted / window is
        // not inflated by the last requests straddling its end. (Warm-up is a separate call.)
        if (end <= measureTo) {
          latencies.push(end - start);
          bytes = size;
        }
      } catch {
        errors++;
      }
    }
  };

  await Promise.all(Array.from({ length: connections }, worker));
  agent.destroy();
  const seconds = durationMs / 1000;
  return { ...summarize(latencies), requests: latencies.length, errors, rps: latencies.length / seconds, bytesPerResponse: bytes, seconds };
}
