// npm run bench: builder.list over HTTP (tRPC vs bare pg) and slot.list latency, against
// a throwaway database seeded for the purpose. Not part of npm test.
// Knobs (env): TEST_DATABASE_URL (server to use; else embedded PostgreSQL), BENCH_CONNECTIONS
// (32), BENCH_WARMUP_S (2), BENCH_DURATION_S (10), BENCH_POOL_SIZE (10), BENCH_SLOT_CALLS
// (200), BENCH_QUIET_WAIT_S (60: how long to wait for an idle machine before each phase),
// BENCH_ATTEMPTS (3: load runs disturbed by other processes are repeated up to this many times),
// BENCH_LAYERS=1 (also break builder.list's CPU down by layer, in process).
import "../src/testing/test-env";
import os from "node:os";
import { isDeepStrictEqual } from "node:util";
import { createTestDatabase } from "../scripts/lib/test-database";
import { createDb } from "../src/server/db/client";
import type { MemoryPeak } from "./servers/child";
import { captureBuilderListSql } from "./lib/capture";
import { waitForQuiet } from "./lib/cpu";
import { measureLayers } from "./lib/layers";
import { benchList, LIST_PATH, type ListRun } from "./lib/list-bench";
import { buildRows, layerRows, printTable, save, type Results } from "./lib/report";
import { seed } from "./lib/seed";
import { startServer, type BenchServer } from "./lib/servers";
import { benchSlots } from "./lib/slot-bench";
import { round } from "./lib/stats";

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CONNECTIONS = num("BENCH_CONNECTIONS", 32);
const WARMUP_MS = num("BENCH_WARMUP_S", 2) * 1000;
const DURATION_MS = num("BENCH_DURATION_S", 10) * 1000;
const POOL_SIZE = num("BENCH_POOL_SIZE", 10);
const SLOT_CALLS = num("BENCH_SLOT_CALLS", 200);
const QUIET_WAIT_S = num("BENCH_QUIET_WAIT_S", 60);
const ATTEMPTS = num("BENCH_ATTEMPTS", 3);

const MB = 1024 * 1024;
let heapPeak = 0;
const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 50);

const log = (msg: string) => console.log(`[bench] ${msg}`);

async function quiet(phase: string): Promise<void> {
  const busy = await waitForQuiet(QUIET_WAIT_S);
  if (busy !== null && busy > 25)
    log(`WARNING: machine ${round(busy, 0)}% busy with other work before ${phase} (waited ${QUIET_WAIT_S} s); figures will be low`);
}

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

async function main(): Promise<void> {
  const database = process.env.TEST_DATABASE_URL ? "external" : "embedded";
  log(
    `creating a fresh database on the ${database} PostgreSQL (${database === "external" ? "TEST_DATABASE_URL" : "TEST_DATABASE_URL unset"})`,
  );
  const testDb = await createTestDatabase();
  const db = createDb(testDb.url, { poolSize: POOL_SIZE });
  const servers: BenchServer[] = [];
  try {
    const seeded = await seed(testDb.url);
    log(
      `seeded ${seeded.builders} published builders, ${seeded.sessionTypes} session types, ${seeded.bookings} bookings in ${round(seeded.ms / 1000, 1)} s`,
    );
    const [{ version }] = await db.$queryRawUnsafe<[{ version: string }]>("SELECT current_setting('server_version') AS version");

    const captured = await captureBuilderListSql(testDb.url, POOL_SIZE);
    log(`builder.list sends ${captured.length} statement(s) (first page); the bare server replays them verbatim`);
    const env = {
      DATABASE_URL: testDb.url,
      POOL_SIZE: String(POOL_SIZE),
      NODE_ENV: "production",
      BARE_STATEMENTS: JSON.stringify(captured),
    };
    const trpc = await startServer("trpc", env);
    servers.push(trpc);
    const bare = await startServer("bare", env);
    servers.push(bare);
    const identical = isDeepStrictEqual(await getJson(trpc.url + LIST_PATH), await getJson(bare.url + LIST_PATH));
    log(
      `tRPC: appRouter behind @trpc/server fetchRequestHandler on node:http, ${trpc.url} (NOT the Next server: Next's own request pipeline is excluded)`,
    );
    log(
      `bare: node:http + pg.Pool(max ${POOL_SIZE}), the same ${captured.length} statement(s), ${bare.url}; responses identical: ${identical ? "yes" : "NO"}`,
    );

    const list: Partial<Record<"trpc" | "bare", ListRun>> = {};
    for (const s of [trpc, bare]) {
      // The machine is shared: a run during which other processes took more than a quarter
      // of a core is repeated (up to BENCH_ATTEMPTS), and the least disturbed one is kept.
      for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
        await quiet(`the ${s.name} load`);
        log(`load ${s.name}: ${CONNECTIONS} connections, ${WARMUP_MS / 1000} s warm-up + ${DURATION_MS / 1000} s (attempt ${attempt})`);
        const r = await benchList(s, db, { connections: CONNECTIONS, warmupMs: WARMUP_MS, durationMs: DURATION_MS });
        const core = (cpuSeconds: number | null) => (cpuSeconds === null ? "n/a" : `${round((100 * cpuSeconds) / r.cpu.seconds, 0)}%`);
        log(
          `  ${round(r.rps, 0)} req/s, p50 ${round(r.p50)} ms, p95 ${round(r.p95)} ms, p99 ${round(r.p99)} ms, ${r.errors} errors, ${r.bytesPerResponse} B/response`,
        );
        log(
          `  CPU in % of one core: server ${core(r.cpu.server)} (${round(r.serverCpuUsPerRequest ?? NaN, 0)} µs/request), postgres ${core(r.cpu.postgres)}, load generator ${core(r.cpu.loader)}, other processes ${core(r.cpu.others)}`,
        );
        const disturbance = (run: ListRun) => (run.cpu.others ?? 0) / run.cpu.seconds;
        const best = list[s.name as "trpc" | "bare"];
        if (!best || disturbance(r) < disturbance(best)) list[s.name as "trpc" | "bare"] = r;
        if (disturbance(r) <= 0.25) break;
        if (attempt < ATTEMPTS) log("  other processes were busy during the run: repeating it");
      }
    }
    await quiet("slot.list");
    log(`slot.list: ${SLOT_CALLS} sequential calls after warm-up (createCaller in this process, then over HTTP)`);
    const slots = await benchSlots(db, trpc.url, SLOT_CALLS);

    // Stop the servers before the in-process layer breakdown, so it runs on a quiet machine.
    const memory: Partial<Record<"trpc" | "bare", MemoryPeak>> = {};
    while (servers.length) {
      const s = servers.shift()!;
      memory[s.name as "trpc" | "bare"] = await s.stop();
    }

    let layers: Results["layers"] = null;
    if (process.env.BENCH_LAYERS === "1") {
      await quiet("the layer breakdown");
      log("builder.list CPU by layer (in process, concurrency = pool size)");
      layers = await measureLayers(db, testDb.url, POOL_SIZE, captured);
    }

    const results: Results = {
      meta: {
        database,
        postgres: version,
        node: process.version,
        cpus: os.cpus().length,
        seedSeconds: round(seeded.ms / 1000, 1),
        connections: CONNECTIONS,
        warmupSeconds: WARMUP_MS / 1000,
        durationSeconds: DURATION_MS / 1000,
        poolSize: POOL_SIZE,
        trpcServer: "appRouter via @trpc/server fetch adapter on node:http (Next not included)",
        statementsPerRequest: captured.length,
        responsesIdentical: identical,
        slotRange: `${slots.input.startDate}..${slots.input.endDate} ${slots.input.timeZone}`,
      },
      list: { trpc: list.trpc!, bare: list.bare! },
      capturedSql: captured,
      slots,
      layers,
      memory: {
        bench: { rssMb: (process.resourceUsage().maxRSS * 1024) / MB, heapUsedMb: heapPeak / MB },
        trpc: memory.trpc!,
        bare: memory.bare!,
      },
    };
    const rows = buildRows(results);
    console.log("");
    printTable(rows);
    if (layers) {
      console.log("");
      printTable(layerRows(layers));
    }
    console.log("");
    for (const file of await save(results, rows)) log(`wrote ${file}`);
  } finally {
    await Promise.allSettled(servers.map((s) => s.stop()));
    await db.$disconnect();
    await testDb.drop();
    log("bench database dropped");
    clearInterval(sampler);
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    // The process should now exit by itself; if it does not, name what keeps it alive.
    setTimeout(() => {
      console.error("[bench] still running 5 s after finishing; open resources:", process.getActiveResourcesInfo());
      process.exit(1);
    }, 5000).unref();
  });
