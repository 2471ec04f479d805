// A real embedded PostgreSQL in a data directory of its own (initdb included, a few seconds).
import { spawn } from "node:child_process";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, stopEmbeddedPostgres } from "./embedded-postgres";
import { isProcessAlive } from "./migrations/pg-admin";

let parent: string;
let dataDir: string;
beforeAll(async () => {
  parent = await mkdtemp(path.join(os.tmpdir(), "devstack-pg-"));
  await chmod(parent, 0o755); // as root, the server runs as the `postgres` user, which must reach it
  dataDir = path.join(parent, "cluster");
});
afterAll(async () => {
  await stopEmbeddedPostgres(dataDir);
  await rm(parent, { recursive: true, force: true });
});

async function currentDatabase(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ db: string }>("SELECT current_database() AS db")).rows[0]!.db;
  } finally {
    await client.end();
  }
}

const postmasterPid = async () => Number((await readFile(path.join(dataDir, "postmaster.pid"), "utf8")).split("\n")[0]);

describe("embedded PostgreSQL", () => {
  it("initialises a cluster, serves the named database, and is reused by the next start", async () => {
    const first = await startEmbeddedPostgres({ dataDir, databaseName: "app", durable: false });
    expect(await currentDatabase(first.url)).toBe("app");
    const second = await startEmbeddedPostgres({ dataDir, databaseName: "other" });
    expect(second.port).toBe(first.port);
    expect(await currentDatabase(second.url)).toBe("other");
  });

  it("stops the server, and starts again over a stale pid file", async () => {
    const pid = await postmasterPid();
    await stopEmbeddedPostgres(dataDir);
    expect(isProcessAlive(pid)).toBe(false);

    // A crash leaves postmaster.pid behind, naming a process that is gone (or reused).
    const gone = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    await new Promise((resolve) => gone.on("exit", resolve));
    await writeFile(path.join(dataDir, "postmaster.pid"), `${gone.pid}\n${dataDir}\n0\n5432\n\n127.0.0.1\n0 0\nready\n`);
    const restarted = await startEmbeddedPostgres({ dataDir, durable: false });
    expect(await currentDatabase(restarted.url)).toBe("postgres");
    expect(await postmasterPid()).not.toBe(gone.pid);
    await restarted.stop();
  });
});
