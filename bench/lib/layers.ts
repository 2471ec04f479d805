// Optional (BENCH_LAYERS=1): where builder.list's CPU goes, one layer at a time, in
// process (no HTTP). CPU µs per call at concurrency 10 (the pool size), best of 3 rounds
// so a neighbour's burst does not inflate it, plus sequential p50 latency.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import pg from "pg";
import superjson from "superjson";
import type { PrismaClient } from "../../src/generated/prisma/client";
import { listBuilders } from "../../src/modules/builders/list-builders";
import { sqlReaderFor } from "../../src/server/db/client";
import { createContextInner } from "../../src/server/trpc/context";
import { appRouter, createCaller } from "../../src/server/trpc/router";
import { LIST_PATH, type Statement } from "./capture";

export type Layer = { layer: string; cpuUs: number; seqP50Ms: number };

export async function measureLayers(db: PrismaClient, url: string, poolSize: number, captured: Statement[]): Promise<Layer[]> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const caller = createCaller(createContextInner({ db }));
  const read = sqlReaderFor(db);
  const sample = await listBuilders(read, { limit: 12 });
  const cases: [string, () => Promise<unknown>][] = [
    [
      `raw pg: the captured ${captured.length} statement(s)`,
      async () => {
        for (const s of captured) await pool.query(s.sql, s.params);
      },
    ],
    ["listBuilders() use-case (plain SQL on Prisma's pool)", () => listBuilders(read, { limit: 12 })],
    ["+ tRPC procedure (createCaller: zod in/out, middleware)", () => caller.builder.list({ limit: 12 })],
    [
      "+ fetch adapter (Request -> superjson Response text)",
      async () =>
        (
          await fetchRequestHandler({
            endpoint: "/api/trpc",
            req: new Request("http://bench" + LIST_PATH),
            router: appRouter,
            createContext: () => createContextInner({ db }),
          })
        ).text(),
    ],
    ["superjson.serialize + JSON.stringify of the page alone", async () => JSON.stringify(superjson.serialize(sample))],
    // The ORM form builder.list used before (relation loaded by a second IN-list query):
    // kept as a reference point for what the Prisma query builder costs here.
    [
      "reference: Prisma findMany + sessionTypes relation",
      () =>
        db.builderProfile.findMany({
          where: { published: true, sessionTypes: { some: { active: true } } },
          orderBy: [{ displayName: "asc" }, { id: "asc" }],
          take: 13,
          select: {
            id: true,
            slug: true,
            displayName: true,
            headline: true,
            tags: true,
            timeZone: true,
            sessionTypes: { where: { active: true }, select: { priceCents: true, currency: true } },
          },
        }),
    ],
  ];
  const best = new Map<string, Layer>();
  try {
    for (let round = 0; round < 3; round++) {
      for (const [layer, fn] of cases) {
        for (let i = 0; i < 200; i++) await fn();
        const lat: number[] = [];
        for (let i = 0; i < 300; i++) {
          const t = performance.now();
          await fn();
          lat.push(performance.now() - t);
        }
        lat.sort((a, b) => a - b);
        const calls = 3000;
        let started = 0;
        const before = process.cpuUsage();
        await Promise.all(
          Array.from({ length: poolSize }, async () => {
            while (started++ < calls) await fn();
          }),
        );
        const used = process.cpuUsage(before);
        const cpuUs = (used.user + used.system) / calls;
        const prev = best.get(layer);
        best.set(layer, {
          layer,
          cpuUs: Math.min(prev?.cpuUs ?? Infinity, cpuUs),
          seqP50Ms: Math.min(prev?.seqP50Ms ?? Infinity, lat[150]!),
        });
      }
    }
  } finally {
    await pool.end();
  }
  return [...best.values()];
}
