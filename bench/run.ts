// npm run bench: the real server (`node dist/start.mjs`, i.e. `npm start` of the production
// build) against a bare node:http + pg server running the same SQL, in alternating rounds, on
// a throwaway database seeded for the purpose; the app's router alone on node:http is kept as
// a breakdown. Not part of npm test. Needs a production build (`npm run build`).
//
// Knobs (env): TEST_DATABASE_URL (server to use; else embedded PostgreSQL), BENCH_ROUNDS (3),
// BENCH_WARMUP_S (2), BENCH_DURATION_S (10), BENCH_CONNECTIONS (32, builder.list),
// BENCH_SLOT_CONNECTIONS (8), BENCH_BOOKING_CONNECTIONS (16), BENCH_BURST_CALLS (200),
// BENCH_BURST_SLOTS (20), BENCH_BURST_ROUNDS (3), BENCH_OVERLOAD_CALLS (1000: concurrent
// builder.list calls, past API_MAX_IN_FLIGHT), BENCH_SLOT_CALLS (200: in-process slot.list
// breakdown), BENCH_QUIET_WAIT_S (20: how long to wait for an idle machine before the load),
// BENCH_LAYERS=1 (builder.list CPU by layer, in process), BENCH_BUILD=1 (npm run build first),
// BENCH_VERBOSE=1 (the Next server's output), BENCH_NEXT_NODE_OPTIONS (NODE_OPTIONS of the Next
// server only, e.g. --max-old-space-size=192; without it the launcher's own 256 MB cap applies). The app's own settings DATABASE_POOL_SIZE,
// API_MAX_IN_FLIGHT, COMPRESS_RESPONSES, SESSION_COOKIE_CACHE_SECONDS, RUN_WORKERS, SENTRY_DSN
// and SENTRY_TRACES_SAMPLE_RATE reach the Next server when set, to compare settings.
import "../src/testing/test-env";
import os from "node:os";
import { createTestDatabase } from "@booking/devstack/test-database";
import { createDb } from "../src/server/db/client";
import { DEFAULT_DATABASE_POOL_SIZE } from "../src/server/env";
import { abRounds } from "./lib/ab-load";
import { bookingBurst, bookingLoadCall, type BurstRun } from "./lib/booking-bench";
import { bookingInProcess } from "./lib/booking-in-process";
import { LIST_PATH } from "./lib/capture";
import { keepCookies } from "./lib/clients";
import { waitForQuiet } from "./lib/cpu";
import { measureLayers } from "./lib/layers";
import { ensureBuild } from "./lib/next-server";
import { overloadBurst } from "./lib/overload";
import { breakdownTable, detailTable, layerRows, mainTable, printTable, save, type Results } from "./lib/report";
import { seed } from "./lib/seed";
import { benchSlots, slotInput, slotPath } from "./lib/slot-bench";
import { startBenchStack } from "./lib/stack";
import { round } from "./lib/stats";

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const ROUNDS = num("BENCH_ROUNDS", 3);
const WARMUP_MS = num("BENCH_WARMUP_S", 2) * 1000;
const DURATION_MS = num("BENCH_DURATION_S", 10) * 1000;
const LIST_CONNECTIONS = num("BENCH_CONNECTIONS", 32);
const SLOT_CONNECTIONS = num("BENCH_SLOT_CONNECTIONS", 8);
const BOOKING_CONNECTIONS = num("BENCH_BOOKING_CONNECTIONS", 16);
const BURST_CALLS = num("BENCH_BURST_CALLS", 200);
const BURST_SLOTS = num("BENCH_BURST_SLOTS", 20);
const BURST_ROUNDS = num("BENCH_BURST_ROUNDS", 3);
const OVERLOAD_CALLS = num("BENCH_OVERLOAD_CALLS", 1000);
const SLOT_CALLS = num("BENCH_SLOT_CALLS", 200);
const QUIET_WAIT_S = num("BENCH_QUIET_WAIT_S", 20);
const POOL_SIZE = num("DATABASE_POOL_SIZE", DEFAULT_DATABASE_POOL_SIZE);
// What a browser sends: a server that compresses does it for these requests.
const BROWSER = { "accept-encoding": "gzip, deflate, br" };

const log = (msg: string) => console.log(`[bench] ${msg}`);

async function quiet(phase: string): Promise<void> {
  const busy = await waitForQuiet(QUIET_WAIT_S);
  if (busy !== null && busy > 25)
    log(`WARNING: machine ${round(busy, 0)}% busy with other work before ${phase} (waited ${QUIET_WAIT_S} s); figures will be low`);
}

async function main(): Promise<void> {
  const stale = ensureBuild(process.env.BENCH_BUILD === "1", log);
  if (stale) log(`WARNING: ${stale}`);
  const database = process.env.TEST_DATABASE_URL ? "external" : "embedded";
  log(`creating a fresh database on the ${database} PostgreSQL`);
  const testDb = await createTestDatabase();
  const db = createDb(testDb.url, { poolSize: POOL_SIZE });
  let stopStack = async () => {};
  try {
    const seeded = await seed(testDb.url);
    log(
      `seeded ${seeded.builders} published builders, ${seeded.sessionTypes} session types, ${seeded.bookings} bookings in ${round(seeded.ms / 1000, 1)} s`,
    );
    const [{ version }] = await db.$queryRawUnsafe<[{ version: string }]>("SELECT current_setting('server_version') AS version");
    const clientCount = Math.max(BURST_CALLS, BOOKING_CONNECTIONS);
    const stack = await startBenchStack({ db, databaseUrl: testDb.url, poolSize: POOL_SIZE, clients: clientCount, log });
    stopStack = stack.stopAll;
    const { next, bare, router, clients, nextSlot } = stack;

    const plan = { warmupMs: WARMUP_MS, durationMs: DURATION_MS, rounds: ROUNDS };
    await quiet("builder.list");
    const listCall = { path: LIST_PATH, headers: BROWSER };
    const list = await abRounds(
      "builder.list",
      [next, bare, router],
      db,
      { ...plan, connections: LIST_CONNECTIONS, call: () => () => listCall },
      log,
    );
    await quiet("slot.list");
    const slotCall = { path: slotPath(slotInput()), headers: BROWSER };
    const slotLoad = await abRounds(
      "slot.list",
      [next, router],
      db,
      { ...plan, connections: SLOT_CONNECTIONS, call: () => () => slotCall },
      log,
    );

    await quiet("the booking.create bursts");
    const bursts: BurstRun[] = [];
    for (let i = 0; i < BURST_ROUNDS; i++) {
      const burst = await bookingBurst(
        next,
        db,
        clients,
        Array.from({ length: BURST_SLOTS }, () => nextSlot(0)),
        BURST_CALLS,
      );
      bursts.push(burst);
      const verdict = burst.correct ? "" : ` NOT CORRECT${burst.unexpected ? `: ${burst.unexpected}` : ""}`;
      log(
        `booking.create burst ${i + 1}/${BURST_ROUNDS}: ${JSON.stringify(burst.statuses)}, ${burst.bookingsInDb} booked, p50 ${round(burst.latency.p50, 0)} ms, p95 ${round(burst.latency.p95, 0)} ms${verdict}`,
      );
    }
    const bookingLoad = await abRounds(
      "booking.create",
      [next, bare],
      db,
      {
        ...plan,
        connections: BOOKING_CONNECTIONS,
        call: () => bookingLoadCall(clients, nextSlot),
        onAnswer: (connection, answer) => keepCookies(clients[connection]!, answer.headers["set-cookie"]),
      },
      log,
    );
    const memory = next.memory();
    log(`Next process tree after load: ${memory.map((p) => `${p.command} ${round(p.rssMb, 0)} MB`).join(", ")}`);
    const overload = await overloadBurst(next, OVERLOAD_CALLS);
    log(
      `overload: ${OVERLOAD_CALLS} builder.list at once: ${JSON.stringify(overload.statuses)}, served p95 ${round(overload.served.p95, 0)} ms, refused p95 ${round(overload.refused.p95, 0)} ms`,
    );
    const afterOverload = next.memory();
    const [{ bookings }] = await db.$queryRaw<
      [{ bookings: number }]
    >`SELECT count(*)::int AS bookings FROM "Booking" WHERE "builderId" LIKE 'bench_book_%'`;
    const emails = { delivered: stack.sendgrid.messages.length, bookings };
    await next.stop();
    const peaks = { bare: await bare.stop(), router: await router.stop() };
    await stopStack();

    await quiet("the in-process breakdown");
    const slots = await benchSlots(db, SLOT_CALLS);
    const bookingRouter = await bookingInProcess(db, clients[0]!.userId, nextSlot);
    const layers = process.env.BENCH_LAYERS === "1" ? await measureLayers(db, testDb.url, POOL_SIZE, stack.listSql) : null;
    const settings = Object.entries(stack.env).filter(([k]) => /POOL|IN_FLIGHT|COMPRESS|COOKIE_CACHE|WORKERS|SENTRY|NODE_OPTIONS/.test(k));
    const results: Results = {
      meta: {
        database,
        postgres: version,
        node: process.version,
        cpus: os.cpus().length,
        loadAverageAtEnd: os
          .loadavg()
          .map((l) => round(l, 1))
          .join(" "),
        seedSeconds: round(seeded.ms / 1000, 1),
        ...{ rounds: ROUNDS, warmupSeconds: WARMUP_MS / 1000, durationSeconds: DURATION_MS / 1000 },
        ...{ listConnections: LIST_CONNECTIONS, slotConnections: SLOT_CONNECTIONS, bookingConnections: BOOKING_CONNECTIONS },
        ...{ burstCalls: BURST_CALLS, burstSlots: BURST_SLOTS, poolSize: POOL_SIZE },
        nextServer: `node dist/start.mjs; ${settings.map(([k, v]) => `${k}=${v}`).join(" ") || "the app's defaults"}`,
        sessionCookieCache: stack.cookieCache,
        listStatements: stack.listSql.length,
        responsesIdentical: stack.identical,
        slotRange: `${slots.input.startDate}..${slots.input.endDate} ${slots.input.timeZone}`,
      },
      list: { next: list.next!, bare: list.bare!, router: list.router! },
      slotLoad: { next: slotLoad.next!, router: slotLoad.router! },
      bursts,
      bookingLoad: { next: bookingLoad.next!, bare: bookingLoad.bare! },
      overload,
      slots,
      bookingRouter,
      layers,
      memory: {
        next: memory,
        nextAfterOverload: afterOverload,
        ...peaks,
        bench: { rssMb: (process.resourceUsage().maxRSS * 1024) / 1048576, heapUsedMb: 0 },
      },
      emails,
      capturedSql: stack.listSql,
      bookingReplay: stack.bookingReplay,
    };
    const tables = [mainTable(results), detailTable(results), breakdownTable(results), ...(layers ? [layerRows(layers)] : [])];
    for (const table of tables) {
      console.log("");
      printTable(table);
    }
    console.log("");
    for (const file of await save(results, tables)) log(`wrote ${file}`);
  } finally {
    await stopStack();
    await db.$disconnect();
    await testDb.drop();
    log("bench database dropped");
  }
}

main()
  .catch((error: unknown) => {
    // A missing build is an instruction, not a crash: no stack for it.
    console.error(error instanceof Error && error.message.startsWith("No production build") ? `[bench] ${error.message}` : error);
    process.exitCode = 1;
  })
  .finally(() => {
    // The process should now exit by itself; if it does not, name what keeps it alive.
    setTimeout(() => {
      console.error("[bench] still running 5 s after finishing; open resources:", process.getActiveResourcesInfo());
      process.exit(1);
    }, 5000).unref();
  });
