// The real server: `node dist/start.mjs`, what `npm start` runs (configuration check,
// migrations, then `next start` of the production build), in its own process group so the
// whole tree can be measured and stopped.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { productionEnv } from "../../src/testing/production-env";
import { processTree, treeMemory, type ProcessMemory } from "./process-tree";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const startBundle = path.join(repoRoot, "dist/start.mjs");
const buildId = path.join(repoRoot, ".next/BUILD_ID");

export type NextServer = { name: "next"; url: string; pid: number; pids(): number[]; memory(): ProcessMemory[]; stop(): Promise<void> };

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, entry.name === "generated" ? 0 : newestSource(full));
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * The production build must exist; BENCH_BUILD=1 makes it here first (`npm run build`).
 * Returns a warning when sources changed after the build, "" otherwise.
 */
export function ensureBuild(build: boolean, log: (line: string) => void): string {
  if (build) {
    log("BENCH_BUILD=1: npm run build");
    const result = spawnSync("npm", ["run", "build"], { cwd: repoRoot, stdio: "inherit" });
    if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status})`);
  }
  if (!existsSync(startBundle) || !existsSync(buildId)) {
    throw new Error(
      "No production build (.next/BUILD_ID and dist/start.mjs): run `npm run build` first, or `BENCH_BUILD=1 npm run bench` to build it.",
    );
  }
  const built = statSync(buildId).mtimeMs;
  const roots = ["src", "next.config.js", "instrumentation.ts", "sentry.server.config.ts"].map((p) => path.join(repoRoot, p));
  const changed = roots.some((p) => existsSync(p) && (statSync(p).isDirectory() ? newestSource(p) : statSync(p).mtimeMs) > built);
  return changed ? "sources changed after the production build: the Next figures are of the older build (npm run build)" : "";
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitUntilHealthy(url: string, exited: () => string | null, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const gone = exited();
    if (gone !== null) throw new Error(gone);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the Next server did not answer /api/health within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** env: the complete environment of the server (nothing is inherited from this process). */
export async function startNextServer(env: Record<string, string>, port: number): Promise<NextServer> {
  const childEnv: Record<string, string> = { ...env, PORT: String(port) };
  const child = spawn(process.execPath, [startBundle], {
    cwd: repoRoot,
    env: childEnv as NodeJS.ProcessEnv,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Kept for the error message if it fails; shown live with BENCH_VERBOSE=1.
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    if (process.env.BENCH_VERBOSE === "1") process.stderr.write(chunk);
    tail.push(...chunk.toString().split("\n").filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - 40));
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  let exit: string | null = null;
  const exitedPromise = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      exit = `the Next server exited (${signal ?? `code ${code}`}):\n${tail.join("\n")}`;
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  try {
    await waitUntilHealthy(url, () => exit);
  } catch (error) {
    killGroup("SIGKILL");
    throw error;
  }
  return {
    name: "next",
    url,
    pid: child.pid!,
    pids: () => processTree(child.pid!),
    memory: () => treeMemory(child.pid!),
    async stop() {
      if (exit !== null) return;
      killGroup("SIGTERM");
      const timer = setTimeout(() => killGroup("SIGKILL"), 10_000);
      await exitedPromise;
      clearTimeout(timer);
      killGroup("SIGKILL"); // whatever the launcher left behind
    },
  };
}

/** The app's settings a bench run may vary (set them in the bench's environment). */
const PASSED_SETTINGS = [
  "DATABASE_POOL_SIZE",
  "API_MAX_IN_FLIGHT",
  "COMPRESS_RESPONSES",
  "SESSION_COOKIE_CACHE_SECONDS",
  "RUN_WORKERS",
  "SENTRY_DSN",
  "SENTRY_TRACES_SAMPLE_RATE",
];

/**
 * A complete production configuration (src/testing/production-env.ts) for the bench database.
 * Only free sessions are booked, so Stripe and Calendly are never called; they point at a
 * closed port so nothing could leave the machine. Confirmation emails go to `sendgridUrl`.
 */
export function nextServerEnv(databaseUrl: string, overrides: Record<string, string>): Record<string, string> {
  const passed = Object.fromEntries(PASSED_SETTINGS.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])));
  return productionEnv(databaseUrl, {
    STRIPE_API_BASE: "http://127.0.0.1:9",
    CALENDLY_API_BASE: "http://127.0.0.1:9",
    // The bench measures capacity: 16 clients booking in a closed loop would spend a real budget in a second.
    RATE_LIMIT_PER_MINUTE: "1000000",
    // Clients come through one (pretend) load balancer, each from an address of its own.
    TRUSTED_PROXY_HOPS: "1",
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
    ...overrides,
    ...passed,
    ...(process.env.BENCH_NEXT_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NEXT_NODE_OPTIONS } : {}),
  });
}
