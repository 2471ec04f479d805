import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { accessSync, chmodSync, constants, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./redis-server";

// A throwaway PgBouncer (Debian's `pgbouncer` package) in transaction mode in front of a test
// database, started and stopped by the test that needs it. Never the machine's own service.

const CANDIDATES = ["/usr/sbin/pgbouncer", "/usr/bin/pgbouncer", "/usr/local/bin/pgbouncer"];

/** The pgbouncer binary: PGBOUNCER_PATH, Debian's path, or `pgbouncer` on PATH; null if none runs. */
export function findPgbouncer(): string | null {
  const fromEnv = process.env.PGBOUNCER_PATH;
  const candidates = fromEnv ? [fromEnv] : [...CANDIDATES, "pgbouncer"];
  for (const candidate of candidates) {
    if (candidate.includes("/")) {
      try {
        accessSync(candidate, constants.X_OK);
      } catch {
        continue;
      }
    }
    if (spawnSync(candidate, ["--version"], { stdio: "ignore" }).status === 0) return candidate;
  }
  return null;
}

export function pgbouncerVersion(binary: string): string {
  const out = spawnSync(binary, ["--version"], { encoding: "utf8" }).stdout;
  return /PgBouncer\s+(\S+)/.exec(out)?.[1] ?? "unknown";
}

export type Pgbouncer = {
  port: number;
  version: string;
  /** The database's URL through PgBouncer (same database name, user and password). */
  url: string;
  /** One statement on PgBouncer's admin console (SHOW POOLS, SHOW STATS, ...): simple protocol only. */
  admin<Row = Record<string, unknown>>(statement: string): Promise<Row[]>;
  /** PgBouncer's own log so far (stderr), for failure messages. */
  log(): string;
  close(): Promise<void>;
};

export type PgbouncerOptions = {
  binary: string;
  /** A direct PostgreSQL URL naming the one database PgBouncer serves. */
  upstreamUrl: string;
  /** Server connections per database/user pair (PgBouncer's default_pool_size). */
  poolSize?: number;
};

// PgBouncer's connection-string values: single-quoted, quote and backslash escaped.
const quote = (value: string) => `'${value.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;

/**
 * Starts `pgbouncer` on a free 127.0.0.1 port in transaction mode, serving exactly the
 * database of `upstreamUrl` under the same name. Clients log in without a password
 * (auth_type trust, on loopback only); PgBouncer logs in to PostgreSQL with the upstream
 * URL's user and password. The admin console (database "pgbouncer") accepts that user.
 */
export async function startPgbouncer({ binary, upstreamUrl, poolSize = 2 }: PgbouncerOptions): Promise<Pgbouncer> {
  const upstream = new URL(upstreamUrl);
  const user = decodeURIComponent(upstream.username || "postgres");
  const password = decodeURIComponent(upstream.password);
  const database = decodeURIComponent(upstream.pathname.slice(1));
  const host = upstream.hostname.replace(/^\[(.*)\]$/, "$1") || "127.0.0.1";
  const port = await freePort();

  if (!/^[A-Za-z0-9_]+$/.test(database)) throw new Error(`startPgbouncer: unsupported database name ${JSON.stringify(database)}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "pgbouncer-test-"));
  const server = [`host=${quote(host)}`, `port=${upstream.port || "5432"}`, `dbname=${quote(database)}`, `user=${quote(user)}`];
  if (password) server.push(`password=${quote(password)}`);
  const ini = [
    "[databases]",
    `${database} = ${server.join(" ")}`,
    "",
    "[pgbouncer]",
    "listen_addr = 127.0.0.1",
    `listen_port = ${port}`,
    // No unix socket: nothing shared with another PgBouncer on the machine.
    "unix_socket_dir =",
    "auth_type = trust",
    `auth_file = ${path.join(dir, "userlist.txt")}`,
    `admin_users = ${user}`,
    `stats_users = ${user}`,
    "pool_mode = transaction",
    `default_pool_size = ${poolSize}`,
    "min_pool_size = 0",
    "reserve_pool_size = 0",
    "max_client_conn = 200",
    // Fail a client that waits this long for a server connection (instead of hanging a test).
    "query_wait_timeout = 30",
    "log_connections = 0",
    "log_disconnections = 0",
    "",
  ].join("\n");
  writeFileSync(path.join(dir, "pgbouncer.ini"), ini);
  writeFileSync(path.join(dir, "userlist.txt"), `"${user.replaceAll('"', '""')}" "${password.replaceAll('"', '""')}"\n`);
  // PgBouncer refuses to run as root: as root, it switches to an unprivileged user (-u), who
  // must be able to read the generated files.
  const args = [path.join(dir, "pgbouncer.ini")];
  if (process.getuid?.() === 0) {
    const runAs = spawnSync("id", ["-u", "postgres"], { stdio: "ignore" }).status === 0 ? "postgres" : "nobody";
    args.unshift("-u", runAs);
    chmodSync(dir, 0o755);
  }

  let stderr = "";
  const child: ChildProcess = spawn(binary, args, { stdio: ["ignore", "ignore", "pipe"] });
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-20_000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const url = new URL(upstreamUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  url.password = ""; // auth_type trust: the client sends none
  const adminUrl = new URL(url);
  adminUrl.pathname = "/pgbouncer";

  const admin = async <Row>(statement: string): Promise<Row[]> => {
    const client = new pg.Client({ connectionString: adminUrl.toString() });
    client.on("error", () => {});
    await client.connect();
    try {
      return (await client.query(statement)).rows as Row[];
    } finally {
      await client.end().catch(() => {});
    }
  };

  const close = async () => {
    process.removeListener("exit", killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      // Immediate shutdown in 1.18 (Debian 12); newer versions wait for clients, hence the KILL.
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 3_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) {
      await close();
      throw new Error(`pgbouncer exited with ${child.exitCode} on start:\n${stderr}`);
    }
    try {
      await admin("SHOW VERSION");
      break;
    } catch (error) {
      if (Date.now() > deadline) {
        await close();
        throw new Error(`pgbouncer on port ${port} did not answer within 10 s (${String(error)}):\n${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  return { port, version: pgbouncerVersion(binary), url: url.toString(), admin, log: () => stderr, close };
}
