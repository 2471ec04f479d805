// Closed-loop load against several servers in alternating rounds (A B C, C B A, ...), so
// a neighbour's burst on this shared machine or a slow drift (a growing table, a warming
// JIT) hits every server alike instead of whichever ran last. Each run: a warm-up
// (discarded), then the measured window with CPU accounting of the server's process tree,
// our PostgreSQL backends, this process (the load generator) and everything else.
import type { PrismaClient } from "../../src/generated/prisma/client";
import { cpuWindow, type CpuWindow } from "./cpu";
import { runLoad, type Answer, type CallFor, type LoadResult } from "./load";
import { round } from "./stats";

export type Target = { name: string; url: string; pids(): number[] };
export type MeasuredRun = LoadResult & { cpu: CpuWindow; serverCpuUsPerRequest: number | null };
export type LoadPlan = {
  connections: number;
  warmupMs: number;
  durationMs: number;
  rounds: number;
  call: (target: Target) => CallFor;
  onAnswer?: (connection: number, answer: Answer) => void;
};

async function measure(target: Target, db: PrismaClient, plan: LoadPlan): Promise<MeasuredRun> {
  const call = plan.call(target);
  const { onAnswer } = plan;
  await runLoad({ url: target.url, connections: plan.connections, durationMs: plan.warmupMs, call, onAnswer });
  // After warm-up the server's pool is fully open, so its backends are all listed here.
  const backends = await db.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`;
  const end = cpuWindow(
    target.pids(),
    backends.map((b) => b.pid),
  );
  const load = await runLoad({ url: target.url, connections: plan.connections, durationMs: plan.durationMs, call, onAnswer });
  const cpu = end();
  return { ...load, cpu, serverCpuUsPerRequest: cpu.server === null || !load.requests ? null : (cpu.server * 1e6) / load.requests };
}

const share = (cpuSeconds: number | null, seconds: number) => (cpuSeconds === null ? "n/a" : `${round((100 * cpuSeconds) / seconds, 0)}%`);

export function describeRun(r: MeasuredRun): string {
  const failed = Object.entries(r.statuses)
    .filter(([status]) => status !== "200")
    .map(([status, n]) => `${n} x ${status}`);
  return (
    `${round(r.rps, 0)} req/s, p50 ${round(r.p50)} ms, p95 ${round(r.p95)} ms, p99 ${round(r.p99)} ms` +
    `${failed.length ? `, NOT 200: ${failed.join(", ")}` : ""}; CPU (% of a core): server ${share(r.cpu.server, r.cpu.seconds)}` +
    ` (${round(r.serverCpuUsPerRequest ?? NaN, 0)} µs/request), postgres ${share(r.cpu.postgres, r.cpu.seconds)},` +
    ` load generator ${share(r.cpu.loader, r.cpu.seconds)}, others ${share(r.cpu.others, r.cpu.seconds)}`
  );
}

/** Runs `plan` against every target in alternating order; returns each target's runs, in round order. */
export async function abRounds(
  phase: string,
  targets: Target[],
  db: PrismaClient,
  plan: LoadPlan,
  log: (line: string) => void,
): Promise<Record<string, MeasuredRun[]>> {
  const runs: Record<string, MeasuredRun[]> = Object.fromEntries(targets.map((t) => [t.name, []]));
  for (let r = 0; r < plan.rounds; r++) {
    for (const target of r % 2 === 0 ? targets : [...targets].reverse()) {
      const run = await measure(target, db, plan);
      runs[target.name]!.push(run);
      log(`${phase} round ${r + 1}/${plan.rounds} ${target.name}: ${describeRun(run)}`);
    }
  }
  return runs;
}

const median = (values: number[]) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export type RunSummary = {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  cpuUsPerRequest: number;
  /** Other processes' CPU during the runs, in % of a core (median): how disturbed they were. */
  othersPct: number;
  rounds: number;
};

/** Medians over the rounds (errors: the total). */
export function summarizeRuns(runs: MeasuredRun[]): RunSummary {
  return {
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p95: median(runs.map((r) => r.p95)),
    p99: median(runs.map((r) => r.p99)),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    cpuUsPerRequest: median(runs.map((r) => r.serverCpuUsPerRequest ?? NaN)),
    othersPct: median(runs.map((r) => (r.cpu.others === null ? NaN : (100 * r.cpu.others) / r.cpu.seconds))),
    rounds: runs.length,
  };
}

/** The ratio a/b of each round, then the median: both ran under the same conditions in a round. */
export function medianRatio(a: MeasuredRun[], b: MeasuredRun[]): number {
  return median(a.map((run, i) => run.rps / (b[i]?.rps ?? NaN)));
}
