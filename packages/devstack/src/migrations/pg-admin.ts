// Small helpers for throwaway databases (migration shadows, test databases).
import { readFileSync } from "node:fs";
import type pg from "pg";

/** Same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
  // A zombie has exited; some container inits take a second or more to reap one.
  const stat = readStat(pid);
  return !stat || stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
}

function readStat(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null; // gone, or no /proc (macOS)
  }
}

/** `<prefix><pid>_<random>`: the pid tells a crashed run's leftovers from a live run's. */
export function throwawayName(prefix: string): string {
  return `${prefix}${process.pid}_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
}

/**
 * Drops `<prefix><pid>_*` databases left by crashed runs: creator gone and nobody connected
 * (a connection means a live run, possibly from another host where the pid means nothing).
 */
export async function dropStaleDatabases(db: pg.Pool | pg.ClientBase, prefix: string): Promise<void> {
  const { rows } = await db.query<{ datname: string }>(
    `SELECT datname FROM pg_database d WHERE starts_with(datname, $1)
       AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)`,
    [prefix],
  );
  for (const { datname } of rows) {
    const pid = Number(datname.slice(prefix.length).split("_")[0]);
    if (!Number.isInteger(pid) || isProcessAlive(pid)) continue;
    await db.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => {});
  }
}
