// `npm run worker`: the job queues (webhook processing, outbox delivery), the sweep schedule
// and the recovery pass every few seconds (what a killed process left behind, see
// docs/decisions/0003), with no HTTP server. Bundled by `npm run build` into dist/worker.mjs (see
// scripts/build-start.ts) and run with plain node, like `npm start`.
//
// Production topology: web instances (`npm start`, RUN_WORKERS=false) verify, record and
// enqueue; any number of these workers take the jobs (every handler re-checks its row, so
// they never step on each other). RUN_WORKERS is ignored here: this process is the worker.
//
// Fails closed like `npm start`: the whole configuration is validated first (same rules, one
// message naming every problem, exit 1, no database connection yet); then pending migrations
// are applied (safe beside a starting web instance: the engine takes an advisory lock).
// SIGTERM/SIGINT: stop taking jobs, let running ones finish for WORKER_SHUTDOWN_TIMEOUT_MS
// (default 20 s), release the outbox attempts still in flight (their outcome is recorded as
// unknown), close the pools, exit 0. A second signal exits at once with 1.
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as Sentry from "@sentry/nextjs";
import { getDb } from "../src/server/db/client";
import { getEnv } from "../src/server/env";
import { startWorkers, stopWorkers } from "../src/server/jobs/workers";
import { logger } from "../src/server/logger";
import { initTracing } from "../src/server/observability/init-tracing";
import { activeSentry, registerSentry } from "../src/server/observability/sentry-hub";
import { applyProductionMigrations, productionConfigProblems } from "./lib/production-entry";

// scripts/worker.ts and dist/worker.mjs both sit one level below the repository.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function fail(message: string): never {
  console.error(`[worker] ${message}`);
  process.exit(1);
}

// Packages read NODE_ENV when they load, before this line runs (imports come first): `npm run
// worker` sets it in the environment, so React renders emails in production mode.
Object.assign(process.env, { NODE_ENV: "production", RUN_WORKERS: "true" });
const source = { ...process.env };
let problems = productionConfigProblems(source);
const shutdownTimeoutMs = Number(source.WORKER_SHUTDOWN_TIMEOUT_MS ?? 20_000);
if (!Number.isInteger(shutdownTimeoutMs) || shutdownTimeoutMs < 1000) {
  problems += `\nWORKER_SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds >= 1000, not "${source.WORKER_SHUTDOWN_TIMEOUT_MS}".`;
}
if (problems) fail(`Refusing to start the worker.\n${problems.trim()}`);
const env = getEnv();

// Registered before the slow start-up steps (migrations, Sentry's instrumentation): a signal
// during start-up waits for it to finish, then stops as usual.
let started: Promise<unknown> = Promise.resolve();
let stopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) {
    logger.warn({ signal }, "worker: second signal, exiting without waiting");
    process.exit(1);
  }
  stopping = true;
  logger.info({ signal, timeoutMs: shutdownTimeoutMs }, "worker stopping: no new jobs, waiting for running ones");
  // A backstop: whatever hangs (a dead database), the process still ends.
  setTimeout(() => {
    logger.error("worker: shutdown did not finish in time, exiting");
    process.exit(1);
  }, shutdownTimeoutMs + 10_000).unref();
  try {
    await started.catch(() => {});
    const db = getDb();
    await stopWorkers(db, { timeoutMs: shutdownTimeoutMs });
    await db.$disconnect();
    await activeSentry()?.flush(2000);
    logger.info("worker stopped");
    process.exit(0);
  } catch (error) {
    logger.error({ err: error }, "worker: shutdown failed");
    process.exit(1);
  }
}
process.on("SIGTERM", (signal) => void shutdown(signal));
process.on("SIGINT", (signal) => void shutdown(signal));

async function start(): Promise<void> {
  try {
    const applied = await applyProductionMigrations(root, source);
    console.log(applied.length ? `[worker] migrations applied: ${applied.join(", ")}` : "[worker] migrations: up to date");
  } catch (e) {
    fail(`Migrations failed, the worker was not started: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (stopping) return;
  await initTracing(env);
  // Only with a DSN: without one, Sentry would still install its instrumentation for nothing.
  if (env.SENTRY_DSN) {
    Sentry.init({ dsn: env.SENTRY_DSN, environment: env.DD_ENV ?? env.NODE_ENV, release: env.DD_VERSION, tracesSampleRate: 0 });
    // The job handlers report through the hub (src/server/observability/sentry-hub.ts), as in the web process.
    registerSentry(Sentry);
  }
  if (stopping) return;
  try {
    await startWorkers(getDb());
  } catch (error) {
    logger.error({ err: error }, "worker: could not start the job workers");
    await getDb()
      .$disconnect()
      .catch(() => {});
    process.exit(1);
  }
  logger.info({ pid: process.pid }, "worker started: webhook events, outbox, sweep (no HTTP server)");
}

started = start();
await started;
