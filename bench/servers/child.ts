// Shared plumbing for the two benchmark servers. Each runs in its own child process so
// the load generator (in the parent) never shares an event loop with the server it
// measures. Protocol over the fork IPC channel: child sends {port}; parent sends "stop";
// child closes everything, replies {memory} and exits on its own (no process.exit), which
// also proves the server leaves no handles behind.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type MemoryPeak = { rssMb: number; heapUsedMb: number };
export type ChildMessage = { port: number } | { memory: MemoryPeak };

const MB = 1024 * 1024;

export function serveChild(handler: http.RequestListener, close: () => Promise<void>): void {
  let heapPeak = 0;
  // Sampled: V8 exposes no heap high-water mark. maxRSS below is the kernel's exact peak.
  const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 50);
  const server = http.createServer({ keepAliveTimeout: 30_000 }, handler);
  server.listen(0, "127.0.0.1", () => {
    process.send?.({ port: (server.address() as AddressInfo).port } satisfies ChildMessage);
  });
  process.on("message", (msg) => {
    if (msg !== "stop") return;
    clearInterval(sampler);
    server.closeAllConnections();
    server.close(() => {
      void close().then(() => {
        heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
        const memory = { rssMb: (process.resourceUsage().maxRSS * 1024) / MB, heapUsedMb: heapPeak / MB };
        process.send?.({ memory } satisfies ChildMessage, () => process.disconnect());
      });
    });
  });
}

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}
