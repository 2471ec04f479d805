// `npm run worker`: the bundle `npm run build` makes (dist/worker.mjs, built here the same
// way) run with plain node as a child process, with a production configuration and no
// developer shell, against a test database and a SendGrid stand-in.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readdir, readFile, readlink, rm } from "node:fs/promises";
import http from "node:http";
import { builtinModules } from "node:module";
import type net from "node:net";
import path from "node:path";
import pg from "pg";
import { repoRoot, throwawayName, withDatabase } from "@booking/devstack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { productionEnv } from "../src/testing/production-env";
import { buildWorkerBundle } from "./build-start";
import { startProviderHarness, type ProviderHarness } from "../src/testing/provider-harness";
import { createBuilder, createSessionType, futureHour } from "../src/testing/factories";
import { enqueueOutbox } from "../src/modules/outbox/enqueue-outbox";
import { OUTCOME_UNKNOWN } from "../src/modules/outbox-delivery/claim-outbox-message";

const bundle = path.join(repoRoot, `dist/worker.vitest-${process.pid}.mjs`);

// The harness's test database and provider sandboxes (only SendGrid is used here).
let t: ProviderHarness;
beforeAll(async () => {
  await buildWorkerBundle({ outfile: bundle });
  t = await startProviderHarness();
});
afterAll(async () => {
  await t?.close();
  await rm(bundle, { force: true });
});

type Worker = { child: ChildProcess; output: () => string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> };

function startWorker(env: Record<string, string>): Worker {
  const child = spawn(process.execPath, [bundle], { cwd: repoRoot, env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

/** Sends SIGTERM; resolves with the exit code and how long the worker took to stop. */
async function stop(worker: Worker, withinMs: number): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  worker.child.kill("SIGTERM");
  const timer = setTimeout(() => worker.child.kill("SIGKILL"), withinMs);
  const { code } = await worker.exited;
  clearTimeout(timer);
  return { code, ms: Date.now() - started };
}

async function until<T>(check: () => Promise<T | undefined | false>, what: () => string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${what()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let day = 4;
/** A confirmed booking owing a confirmation email: PENDING, no job enqueued (the worker's start-up sweep finds it). */
async function owedEmail(email: string) {
  const { profile } = await createBuilder(t.db);
  const type = await createSessionType(t.db, profile.id);
  const startTime = futureHour(day++);
  const booking = await t.db.booking.create({
    data: {
      sessionTypeId: type.id,
      builderId: profile.id,
      clientName: "Worker Client",
      clientEmail: email,
      startTime,
      endTime: new Date(startTime.getTime() + 3_600_000),
      status: "CONFIRMED",
      paymentStatus: "NOT_REQUIRED",
      priceCents: 0,
      currency: "usd",
    },
  });
  await enqueueOutbox(t.db, booking.id, ["EMAIL_CONFIRMATION"]);
  return t.db.outboxMessage.findUniqueOrThrow({ where: { bookingId_kind: { bookingId: booking.id, kind: "EMAIL_CONFIRMATION" } } });
}

/** TCP ports a process listens on (Linux /proc): its socket inodes among the LISTEN entries. */
async function listeningPorts(pid: number): Promise<number[]> {
  const fds = await readdir(`/proc/${pid}/fd`);
  const links = await Promise.all(fds.map((fd) => readlink(`/proc/${pid}/fd/${fd}`).catch(() => "")));
  const inodes = new Set(links.flatMap((l) => /^socket:\[(\d+)\]$/.exec(l)?.[1] ?? []));
  const tables = await Promise.all(["/proc/net/tcp", "/proc/net/tcp6"].map((f) => readFile(f, "utf8").catch(() => "")));
  return tables
    .flatMap((table) => table.split("\n").slice(1))
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols[3] === "0A" && inodes.has(cols[9]!))
    .map((cols) => parseInt(cols[1]!.split(":")[1]!, 16));
}

const outboxRow = (id: string) => t.db.outboxMessage.findUniqueOrThrow({ where: { id } });

/** A stand-in for SendGrid's Mail Send whose answers the test controls (slow, or never). */
async function heldSendgrid() {
  const held: { body: string; answer(): void }[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () =>
      held.push({
        body,
        answer: () => res.writeHead(202, { "X-Message-Id": `held-${randomUUID()}`, "Content-Length": "0" }).end(),
      }),
    );
  });
  server.on("connection", (s) => (sockets.add(s), s.on("close", () => sockets.delete(s))));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    held,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** The production configuration against a SendGrid sandbox. */
function workerEnv(databaseUrl: string, sendgridBase: string, extra: Record<string, string> = {}): Record<string, string> {
  return productionEnv(databaseUrl, {
    SENDGRID_API_KEY: "SG.worker-test",
    SENDGRID_API_BASE: sendgridBase,
    // What the web instances' shared configuration says; the worker runs its queues anyway.
    RUN_WORKERS: "false",
    ...extra,
  });
}

describe("npm run worker", () => {
  it("delivers a pending outbox row with no HTTP server, then stops on SIGTERM with exit code 0 within seconds", async () => {
    const row = await owedEmail("worker.process@example.test");
    const worker = startWorker(workerEnv(t.url, t.sendgrid.url));
    try {
      const sent = await until(
        async () => {
          const r = await outboxRow(row.id);
          return r.status === "SENT" && r;
        },
        () => worker.output(),
      );
      expect(sent).toMatchObject({ attempts: 1, lastStatusCode: 202, outcomeUnknownAt: null, leaseExpiresAt: null });
      const mails = t.sendgrid.messages.filter((m) => (m.body.custom_args as Record<string, string>).outboxId === row.id);
      expect(mails).toHaveLength(1);
      expect(sent.providerMessageId).toBe(mails[0]?.messageId);
      expect(worker.output()).toMatch(/worker started/);
      expect(await listeningPorts(worker.child.pid!)).toEqual([]);
    } finally {
      const { code, ms } = await stop(worker, 10_000);
      expect(code, worker.output()).toBe(0);
      expect(ms).toBeLessThan(5000);
    }
    expect(worker.output()).toMatch(/worker stopped/);
  });

  it("on SIGTERM finishes the provider call in flight and records it before exiting", async () => {
    const held = await heldSendgrid();
    const row = await owedEmail("worker.inflight@example.test");
    const worker = startWorker(workerEnv(t.url, held.url));
    try {
      await until(
        async () => held.held.some((h) => h.body.includes(row.id)),
        () => worker.output(),
      );
      const stopping = stop(worker, 15_000);
      await new Promise((r) => setTimeout(r, 2500)); // the worker is stopping, the call still open
      expect(worker.child.exitCode).toBeNull();
      expect((await outboxRow(row.id)).status).toBe("PENDING");
      held.held.find((h) => h.body.includes(row.id))!.answer();
      const { code } = await stopping;
      expect(code, worker.output()).toBe(0);
      expect(await outboxRow(row.id)).toMatchObject({ status: "SENT", attempts: 1, outcomeUnknownAt: null, leaseExpiresAt: null });
    } finally {
      worker.child.kill("SIGKILL");
      await held.close();
    }
  });

  it("on SIGTERM releases a call that outlives the shutdown timeout, recording its unknown outcome; the next worker retries it", async () => {
    const held = await heldSendgrid();
    const row = await owedEmail("worker.abandoned@example.test");
    const worker = startWorker(workerEnv(t.url, held.url, { WORKER_SHUTDOWN_TIMEOUT_MS: "1000" }));
    try {
      await until(
        async () => held.held.some((h) => h.body.includes(row.id)),
        () => worker.output(),
      );
      const { code, ms } = await stop(worker, 15_000); // the held request is never answered
      expect(code, worker.output()).toBe(0);
      expect(ms).toBeLessThan(5000);
      expect(await outboxRow(row.id)).toMatchObject({
        status: "PENDING",
        attempts: 1,
        leaseExpiresAt: null,
        lastError: OUTCOME_UNKNOWN,
        outcomeUnknownAt: expect.any(Date),
      });
    } finally {
      worker.child.kill("SIGKILL");
      await held.close();
    }
    // The next worker retries it (pg-boss retries the job it failed at shutdown, after its
    // backoff of 5-10 s): sent, and the row keeps the record that the first outcome is unknown.
    const next = startWorker(workerEnv(t.url, t.sendgrid.url));
    try {
      const sent = await until(
        async () => {
          const r = await outboxRow(row.id);
          return r.status === "SENT" && r;
        },
        () => next.output(),
        25_000,
      );
      expect(sent).toMatchObject({ attempts: 2, lastError: null });
      expect(sent.outcomeUnknownAt).toBeInstanceOf(Date);
    } finally {
      expect((await stop(next, 10_000)).code).toBe(0);
    }
  }, 60_000);

  it("refuses to start without the production configuration, naming every missing variable, before touching the database", async () => {
    const admin = process.env.TEST_DATABASE_URL!;
    const name = throwawayName("booking_test_");
    const query = async (url: string, sql: string) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        return (await c.query<{ n: number }>(sql)).rows;
      } finally {
        await c.end();
      }
    };
    await query(admin, `CREATE DATABASE "${name}"`);
    const url = withDatabase(admin, name);
    try {
      const env = workerEnv(url, t.sendgrid.url);
      delete env.SENDGRID_API_KEY;
      delete env.STRIPE_WEBHOOK_SECRET;
      const worker = startWorker(env);
      const { code } = await worker.exited;
      expect(code).toBe(1);
      expect(worker.output()).toMatch(/Refusing to start the worker/);
      expect(worker.output()).toContain("SENDGRID_API_KEY: is missing");
      expect(worker.output()).toContain("STRIPE_WEBHOOK_SECRET: is missing");
      const tables = await query(
        url,
        "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
      );
      expect(tables[0]!.n).toBe(0);
    } finally {
      await query(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });

  it("needs no devDependency at run time: the bundle imports only node built-ins and runtime dependencies", async () => {
    const pkg = JSON.parse(await readFile(path.join(repoRoot, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.worker).toBe("NODE_ENV=production node dist/worker.mjs");
    const source = await readFile(bundle, "utf8");
    const specifiers = [...source.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].map((m) => m[1]!);
    expect(specifiers).toContain("pg-boss");
    for (const specifier of specifiers) {
      const name = specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!;
      expect(builtinModules.includes(name.replace(/^node:/, "")) || name in pkg.dependencies, specifier).toBe(true);
    }
  });
});
