// One table (metric | value | target | met?) printed and saved as JSON + markdown.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { MemoryPeak } from "../servers/child";
import type { Statement } from "./capture";
import type { Layer } from "./layers";
import type { ListRun } from "./list-bench";
import type { SlotBench } from "./slot-bench";
import { round } from "./stats";

export type Table = { head: string[]; rows: string[][] };
export type Results = {
  meta: Record<string, string | number | boolean>;
  list: { trpc: ListRun; bare: ListRun };
  capturedSql: Statement[];
  slots: SlotBench;
  layers: Layer[] | null;
  memory: Record<"bench" | "trpc" | "bare", MemoryPeak>;
};

const ms = (n: number) => `${round(n)} ms`;
const us = (n: number | null) => (n === null ? "n/a" : `${round(n, 0)} µs`);
// Share of one core; on a 2-core machine anything beyond a few % means a contended run.
const cores = (cpuSeconds: number | null, seconds: number) =>
  cpuSeconds === null ? "n/a" : `${round((100 * cpuSeconds) / seconds, 0)}% of a core`;
const check = (ok: boolean) => (ok ? "yes" : "NO");

export function buildRows({ list, slots, memory }: Results): Table {
  const ratio = list.trpc.rps / list.bare.rps;
  const info = (metric: string, value: string) => [metric, value, "", ""];
  return {
    head: ["metric", "value", "target", "met?"],
    rows: [
      info("builder.list tRPC req/s", String(round(list.trpc.rps, 0))),
      info("builder.list bare pg req/s", String(round(list.bare.rps, 0))),
      ["req/s ratio tRPC / bare", String(round(ratio, 3)), ">= 0.5", check(ratio >= 0.5)],
      info("builder.list tRPC p50", ms(list.trpc.p50)),
      ["builder.list tRPC p95", ms(list.trpc.p95), "< 50 ms", check(list.trpc.p95 < 50)],
      info("builder.list bare p50 / p95", `${ms(list.bare.p50)} / ${ms(list.bare.p95)}`),
      info("builder.list errors (tRPC / bare)", `${list.trpc.errors} / ${list.bare.errors}`),
      info("server CPU per request (tRPC / bare)", `${us(list.trpc.serverCpuUsPerRequest)} / ${us(list.bare.serverCpuUsPerRequest)}`),
      info(
        "other processes' CPU during the runs (tRPC / bare)",
        `${cores(list.trpc.cpu.others, list.trpc.cpu.seconds)} / ${cores(list.bare.cpu.others, list.bare.cpu.seconds)}`,
      ),
      info("slot.list p50 (router)", ms(slots.router.p50)),
      ["slot.list p95 (router)", ms(slots.router.p95), "< 25 ms", check(slots.router.p95 < 25)],
      info("slot.list p50 / p95 over HTTP (tRPC server, + superjson)", `${ms(slots.http.p50)} / ${ms(slots.http.p95)}`),
      info("slot.list DB part p50 / p95 (loadSlotContext)", `${ms(slots.dbLoad.p50)} / ${ms(slots.dbLoad.p95)}`),
      info("computeSlots p50 / p95 (pure engine)", `${ms(slots.engine.p50)} / ${ms(slots.engine.p95)}`),
      info("slots returned (31 days, 500 bookings)", String(slots.slots)),
      ...(["bench", "trpc", "bare"] as const).map((p) =>
        info(
          `peak RSS / heap used: ${p === "bench" ? "bench process (loader, slot.list)" : `${p} server process`}`,
          `${round(memory[p].rssMb, 0)} MB / ${round(memory[p].heapUsedMb, 0)} MB`,
        ),
      ),
    ],
  };
}

export function layerRows(layers: Layer[]): Table {
  return {
    head: ["builder.list layer (in process)", "CPU µs/call", "sequential p50"],
    rows: layers.map((l) => [l.layer, String(round(l.cpuUs, 0)), ms(l.seqP50Ms)]),
  };
}

export function markdown({ head, rows }: Table): string {
  return [head, head.map(() => "---"), ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

export function printTable({ head, rows }: Table): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ");
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
  for (const r of rows) console.log(line(r));
}

export async function save(results: Results, table: Table): Promise<string[]> {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "../results");
  await mkdir(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const base = path.join(dir, `${stamp}-${results.meta.database}`);
  const meta = Object.entries(results.meta).map(([k, v]) => `- ${k}: ${v}`);
  const layers = results.layers ? ["", markdown(layerRows(results.layers))] : [];
  const md = [`# npm run bench — ${new Date().toISOString()}`, "", ...meta, "", markdown(table), ...layers, ""].join("\n");
  await writeFile(`${base}.json`, JSON.stringify({ ...results, table }, null, 2) + "\n");
  await writeFile(`${base}.md`, md);
  await writeFile(path.join(dir, "latest.md"), md);
  return [`${base}.json`, `${base}.md`, path.join(dir, "latest.md")];
}
