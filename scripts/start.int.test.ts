// `npm start` fails closed. Runs the real bundle (what `npm start` runs: `node dist/start.mjs`,
// built here the way `npm run build` builds it) as a child process with a clean environment
// against a fresh, empty database, and checks that nothing was written when it refuses.
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { builtinModules } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createTestDatabase, localProviderDefaults, repoRoot, throwawayName, withDatabase } from "@booking/devstack";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { productionEnv } from "../src/testing/production-env";
import type { PrismaClient } from "../src/generated/prisma/client";
import { buildStartBundle } from "./build-start";
import { seedDemoData } from "./seed/seed-demo-data";

const bundle = path.join(repoRoot, `dist/start.vitest-${process.pid}.mjs`);

type Run = { code: number | null; stdout: string; stderr: string };

/** Runs a command in its own process group; stops the group once `until` holds (or after 40 s). */
function run(command: string, args: string[], env: Record<string, string>, until?: (out: string) => boolean): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env: env as NodeJS.ProcessEnv, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const out = { stdout: "", stderr: "" };
    const stop = () => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(stop, 40_000);
    const onData = (key: "stdout" | "stderr") => (chunk: Buffer) => {
      out[key] += chunk.toString();
      if (until?.(out.stdout + out.stderr)) stop();
    };
    child.stdout.on("data", onData("stdout"));
    child.stderr.on("data", onData("stderr"));
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      stop(); // whatever the launcher left behind (a `next start` child)
      resolve({ code, ...out });
    });
  });
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const tableCount = async (url: string) =>
  (
    await query<{ n: number }>(url, "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")
  )[0]!.n;
const userCount = async (url: string) => (await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM "User"`))[0]!.n;

/** A fresh database with nothing in it: no migrations, no tables. */
async function emptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL!;
  const name = throwawayName("booking_test_");
  await query(admin, `CREATE DATABASE "${name}"`);
  return { url: withDatabase(admin, name), drop: () => query(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => {}) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const without = (env: Record<string, string>, ...names: string[]) =>
  Object.fromEntries(Object.entries(env).filter(([name]) => !names.includes(name)));

beforeAll(() => buildStartBundle({ outfile: bundle }));
afterAll(() => rm(bundle, { force: true }));

/** The production configuration on a free port; the web server runs no workers in these tests. */
async function freshProductionEnv(databaseUrl: string): Promise<Record<string, string>> {
  return productionEnv(databaseUrl, {
    NODE_ENV: "production",
    PORT: String(await freePort()),
    RUN_WORKERS: "false",
    NEXT_TELEMETRY_DISABLED: "1",
  });
}

describe("npm start (production) fails closed", () => {
  it("refuses a missing variable before touching the database, naming every missing one", async () => {
    const db = await emptyDatabase();
    try {
      const env = without(await freshProductionEnv(db.url), "STRIPE_SECRET_KEY", "SENDGRID_API_KEY");
      const { code, stderr } = await run(process.execPath, [bundle], env);
      expect(code).toBe(1);
      expect(stderr).toContain("STRIPE_SECRET_KEY: is missing");
      expect(stderr).toContain("SENDGRID_API_KEY: is missing");
      expect(stderr.match(/ - [A-Z_]+:/g)).toHaveLength(2); // one message, and only those two
      expect(await tableCount(db.url)).toBe(0); // no migration, no seed
    } finally {
      await db.drop();
    }
  });

  it("refuses the published local BETTER_AUTH_SECRET, and ALLOW_LOCAL_DEFAULTS", async () => {
    const db = await emptyDatabase();
    try {
      const env = await freshProductionEnv(db.url);
      const secret = await run(process.execPath, [bundle], { ...env, BETTER_AUTH_SECRET: localProviderDefaults.BETTER_AUTH_SECRET! });
      expect(secret.code).toBe(1);
      expect(secret.stderr).toMatch(/BETTER_AUTH_SECRET: BETTER_AUTH_SECRET is a value published in this repository/);
      const flag = await run(process.execPath, [bundle], { ...env, ALLOW_LOCAL_DEFAULTS: "true" });
      expect(flag.code).toBe(1);
      expect(flag.stderr).toMatch(/ALLOW_LOCAL_DEFAULTS is set/);
      expect(await tableCount(db.url)).toBe(0);
    } finally {
      await db.drop();
    }
  });

  it("with a complete configuration, applies the migrations (bundled wasm engine) and hands over to next start, seeding nothing", async () => {
    const db = await emptyDatabase();
    try {
      const env = await freshProductionEnv(db.url);
      // Next either serves (a build exists) or stops for want of one; either way it ran.
      const { stdout, stderr } = await run(process.execPath, [bundle], env, (out) => /Next\.js|production build/.test(out));
      expect(stdout).toMatch(/\[start\] migrations applied: \d{14}_init/);
      expect(stderr).not.toMatch(/Refusing/);
      const migrations = (await readdir(path.join(repoRoot, "prisma/migrations"), { withFileTypes: true })).filter((e) => e.isDirectory());
      const applied = await query<{ n: number }>(db.url, "SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL");
      expect(applied[0]!.n).toBe(migrations.length);
      expect(await userCount(db.url)).toBe(0);
    } finally {
      await db.drop();
    }
  });

  it("needs no devDependency at run time: the bundle imports only node built-ins and runtime dependencies", async () => {
    const pkg = JSON.parse(await readFile(path.join(repoRoot, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    const source = await readFile(bundle, "utf8");
    const specifiers = [...source.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].map((m) => m[1]!);
    expect(specifiers).toContain("@prisma/schema-engine-wasm/schema_engine_bg");
    for (const specifier of specifiers) {
      const name = specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!;
      expect(builtinModules.includes(name.replace(/^node:/, "")) || name in pkg.dependencies, specifier).toBe(true);
    }
  });

  it("refuses to bundle the local stack into the production start", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "start-bundle-"));
    const source = (file: string) => JSON.stringify(path.join(repoRoot, file));
    // Inlined by path (the files would be bundled), or as workspace packages (which the
    // bundle would import rather than inline, except the migration runner).
    const refused: [line: string, reached: string][] = [
      [`import { startLocalStack } from ${source("packages/devstack/src/local-stack.ts")};`, "packages/devstack/src/local-stack.ts"],
      [`import { seedDemoData } from ${source("scripts/seed/seed-demo-data.ts")};`, "scripts/seed/seed-demo-data.ts"],
      [`import { startLocalStack } from "@booking/devstack";`, "@booking/devstack"],
      [`import { createTestDatabase } from "@booking/devstack/test-database";`, "@booking/devstack/test-database"],
      [`import { startAllSandboxes } from "@booking/provider-sandbox";`, "@booking/provider-sandbox"],
    ];
    try {
      const entry = path.join(dir, "entry.ts");
      for (const [line, reached] of refused) {
        await writeFile(entry, `${line}\nconsole.log(${/import \{ (\w+) \}/.exec(line)![1]});\n`);
        const error = await buildStartBundle({ entry, outfile: path.join(dir, "out.mjs") }).then(
          () => null,
          (e: unknown) => e as Error,
        );
        expect(error?.message, line).toMatch(/must not bundle the local stack/);
        expect(error?.message, line).toContain(reached);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("says to run the build when the bundle is missing (npm's prestart)", async () => {
    const pkg = JSON.parse(await readFile(path.join(repoRoot, "package.json"), "utf8")) as { scripts: Record<string, string> };
    const dir = await mkdtemp(path.join(os.tmpdir(), "start-prestart-"));
    try {
      const check = (cwd: string) =>
        new Promise<Run>((resolve) => {
          const child = spawn("sh", ["-c", pkg.scripts.prestart!], { cwd, stdio: ["ignore", "pipe", "pipe"] });
          let stderr = "";
          child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
          child.on("close", (code) => resolve({ code, stdout: "", stderr }));
        });
      const missing = await check(dir);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/run npm run build/);
      await mkdir(path.join(dir, "dist"));
      await writeFile(path.join(dir, "dist/start.mjs"), "");
      expect((await check(dir)).code).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("demo seeding refuses NODE_ENV=production", () => {
  it("seedDemoData throws before reading the database", async () => {
    const count = vi.fn(() => Promise.resolve(0));
    vi.stubEnv("NODE_ENV", "production");
    try {
      await expect(seedDemoData({ user: { count } } as unknown as PrismaClient)).rejects.toThrow(
        /Refusing to seed demo data with NODE_ENV=production/,
      );
    } finally {
      vi.unstubAllEnvs();
    }
    expect(count).not.toHaveBeenCalled();
  });

  it("npm run db:seed refuses under NODE_ENV=production, leaving a migrated empty database empty", async () => {
    const db = await createTestDatabase();
    try {
      const env = { PATH: process.env.PATH!, HOME: process.env.HOME ?? os.tmpdir(), DATABASE_URL: db.url, NODE_ENV: "production" };
      const refused = await run(path.join(repoRoot, "node_modules/.bin/tsx"), ["scripts/db/seed.ts"], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/Refusing to seed demo data with NODE_ENV=production/);
      expect(await userCount(db.url)).toBe(0);
    } finally {
      await db.drop();
    }
  });
});
