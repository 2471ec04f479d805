// CPU accounting from /proc (Linux only; every function degrades to null elsewhere).
// The machine is small and shared (other engineers' test runs, the database itself), so
// req/s alone can mislead: CPU per request of the server process does not depend on
// what else runs, and "others" shows how contaminated a window was.
import { readFileSync } from "node:fs";

const TICKS = 100; // USER_HZ, 100 on every mainstream Linux build

function readProcSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS; // utime + stime
  } catch {
    return null;
  }
}

function readMachine(): { busy: number; total: number } | null {
  try {
    const values = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = (values[3] ?? 0) + (values[4] ?? 0); // idle + iowait
    const total = values.slice(0, 8).reduce((a, b) => a + b, 0); // without guest time (already in user)
    return { busy: (total - idle) / TICKS, total: total / TICKS };
  } catch {
    return null;
  }
}

export type CpuWindow = {
  /** CPU seconds per process group over the window. */
  server: number | null;
  loader: number;
  postgres: number | null;
  /** Everything else on the machine: other users' work, which skews the window. */
  others: number | null;
  machineBusyPct: number | null;
  seconds: number;
};

/**
 * CPU seconds the processes used since `snapshot` was taken. A process that exited meanwhile
 * (a pool closing an idle connection's backend) counts nothing: its last figure is unknown.
 */
function usedSince(snapshot: Map<number, number | null>): number {
  let sum = 0;
  for (const [pid, before] of snapshot) {
    const after = readProcSeconds(pid);
    if (before !== null && after !== null) sum += Math.max(0, after - before);
  }
  return sum;
}

const snapshotOf = (pids: number[]) => new Map(pids.map((pid) => [pid, readProcSeconds(pid)] as const));

/**
 * Start measuring; call the returned function to end the window. serverPids: the server's
 * process tree (a launcher and `next start` for the Next server).
 */
export function cpuWindow(serverPids: number[], postgresPids: number[]): () => CpuWindow {
  const server = snapshotOf(serverPids);
  const pg = snapshotOf(postgresPids);
  // Backends of a remote server are not in our /proc: then there is no postgres figure.
  const canSeePg = postgresPids.length > 0 && [...pg.values()].every((s) => s !== null);
  const canSeeServer = [...server.values()].every((s) => s !== null);
  const start = { loader: process.cpuUsage(), machine: readMachine(), at: performance.now() };
  return () => {
    const serverUsed = canSeeServer ? usedSince(server) : null;
    const used = process.cpuUsage(start.loader);
    const loader = (used.user + used.system) / 1e6;
    const postgres = canSeePg ? usedSince(pg) : null;
    const machine = readMachine();
    const busy = machine && start.machine ? machine.busy - start.machine.busy : null;
    const total = machine && start.machine ? machine.total - start.machine.total : null;
    return {
      server: serverUsed,
      loader,
      postgres,
      others: busy === null || serverUsed === null || postgres === null ? null : Math.max(0, busy - serverUsed - loader - postgres),
      machineBusyPct: busy === null || !total ? null : (100 * busy) / total,
      seconds: (performance.now() - start.at) / 1000,
    };
  };
}

/**
 * Waits (up to maxSeconds) for a second in which the machine is mostly idle, so a load
 * phase does not start in the middle of someone else's test run. Returns the busy % of
 * the last sampled second, or null without /proc.
 */
export async function waitForQuiet(maxSeconds: number, busyThresholdPct = 25): Promise<number | null> {
  const deadline = performance.now() + maxSeconds * 1000;
  for (;;) {
    const a = readMachine();
    await new Promise((r) => setTimeout(r, 1000));
    const b = readMachine();
    if (!a || !b) return null;
    const pct = (100 * (b.busy - a.busy)) / (b.total - a.total || 1);
    if (pct <= busyThresholdPct || performance.now() >= deadline) return pct;
  }
}
