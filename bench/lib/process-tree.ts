// A server's process tree from /proc (Linux only; elsewhere just the root pid and no
// memory figure). `npm start` is a launcher (dist/start.mjs) with `next start` as its child,
// so both CPU and memory are summed over the tree, as an operator's container limit sees it.
import { readdirSync, readFileSync } from "node:fs";

const MB = 1024 * 1024;

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

/** The root and every live descendant. */
export function processTree(root: number): number[] {
  let pids: number[];
  try {
    pids = readdirSync("/proc")
      .filter((d) => /^\d+$/.test(d))
      .map(Number);
  } catch {
    return [root];
  }
  const children = new Map<number, number[]>();
  for (const pid of pids) {
    const parent = parentOf(pid);
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const tree: number[] = [];
  const walk = (pid: number) => {
    tree.push(pid);
    for (const child of children.get(pid) ?? []) walk(child);
  };
  walk(root);
  return tree;
}

/** rssMb: resident now (VmRSS); peakMb: the most it has been resident (VmHWM). */
export type ProcessMemory = { pid: number; command: string; rssMb: number; peakMb: number };

/** Resident memory of each process of the tree, or [] without /proc. */
export function treeMemory(root: number): ProcessMemory[] {
  return processTree(root).flatMap((pid) => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const mb = (field: string) => (Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN) * 1024) / MB;
      const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).slice(0, 3).join(" ");
      const rssMb = mb("VmRSS");
      return Number.isNaN(rssMb) ? [] : [{ pid, command, rssMb, peakMb: mb("VmHWM") }];
    } catch {
      return [];
    }
  });
}
