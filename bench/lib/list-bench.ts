// builder.list under closed-loop load against one server: a warm-up run (discarded), then
// the measured run with CPU accounting of the server, our PostgreSQL backends, this
// process (the load generator) and everything else on the machine.
import type { PrismaClient } from "../../src/generated/prisma/client";
import { cpuWindow, type CpuWindow } from "./cpu";
import { runLoad, type LoadResult } from "./load";
import type { BenchServer } from "./servers";

export const LIST_PATH = "/api/trpc/builder.list?input=" + encodeURIComponent(JSON.stringify({ json: { limit: 12 } }));

export type ListRun = LoadResult & { cpu: CpuWindow; serverCpuUsPerRequest: number | null };

export async function benchList(
  server: BenchServer,
  db: PrismaClient,
  opts: { connections: number; warmupMs: number; durationMs: number },
): Promise<ListRun> {
  const url = server.url + LIST_PATH;
  await runLoad({ url, connections: opts.connections, durationMs: opts.warmupMs });
  // After warm-up the server's pool is fully open, so its backends are all listed here.
  const backends = await db.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`;
  const end = cpuWindow(
    server.pid,
    backends.map((b) => b.pid),
  );
  const load = await runLoad({ url, connections: opts.connections, durationMs: opts.durationMs });
  const cpu = end();
  return { ...load, cpu, serverCpuUsPerRequest: cpu.server === null ? null : (cpu.server * 1e6) / load.requests };
}
