// The issue's table (path | Next server | bare node:http + pg | router only | target | met?)
// and a breakdown, printed and saved as JSON + markdown (latest.md is the newest run).
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { MemoryPeak } from "../servers/child";
import { medianRatio, summarizeRuns, type MeasuredRun, type RunSummary } from "./ab-load";
import type { BookingReplay } from "./booking-capture";
import type { BurstRun } from "./booking-bench";
import type { InProcessBooking } from "./booking-in-process";
import type { Statement } from "./capture";
import type { Layer } from "./layers";
import type { OverloadRun } from "./overload";
import type { ProcessMemory } from "./process-tree";
import type { SlotBench } from "./slot-bench";
import { round } from "./stats";

export type Table = { head: string[]; rows: string[][] };
export type Results = {
  meta: Record<string, string | number | boolean>;
  list: Record<"next" | "bare" | "router", MeasuredRun[]>;
  slotLoad: Record<"next" | "router", MeasuredRun[]>;
  bursts: BurstRun[];
  bookingLoad: Record<"next" | "bare", MeasuredRun[]>;
  overload: OverloadRun;
  slots: SlotBench;
  bookingRouter: InProcessBooking;
  layers: Layer[] | null;
  memory: { next: ProcessMemory[]; nextAfterOverload: ProcessMemory[]; router: MemoryPeak; bare: MemoryPeak; bench: MemoryPeak };
  emails: { delivered: number; bookings: number };
  capturedSql: Statement[];
  bookingReplay: BookingReplay;
};

const ms = (n: number) => (n >= 1000 ? `${round(n / 1000, 2)} s` : `${round(n, n >= 100 ? 0 : 1)} ms`);
const rps = (s: RunSummary) => `${round(s.rps, 0)} req/s`;
const lat = (s: RunSummary) => `p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)}`;
const check = (ok: boolean) => (ok ? "yes" : "NO");
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export function mainTable(r: Results): Table {
  const list = { next: summarizeRuns(r.list.next), bare: summarizeRuns(r.list.bare), router: summarizeRuns(r.list.router) };
  const ratio = medianRatio(r.list.next, r.list.bare);
  const routerRatio = medianRatio(r.list.router, r.list.bare);
  const slot = { next: summarizeRuns(r.slotLoad.next), router: summarizeRuns(r.slotLoad.router) };
  const book = { next: summarizeRuns(r.bookingLoad.next), bare: summarizeRuns(r.bookingLoad.bare) };
  const burstP95 = Math.max(...r.bursts.map((b) => b.latency.p95));
  const correct = r.bursts.every((b) => b.correct);
  const statuses = r.bursts
    .map((b) =>
      Object.entries(b.statuses)
        .map(([status, n]) => `${n} x ${status}`)
        .join(" + "),
    )
    .join("; ");
  const rss = sum(r.memory.next.map((p) => p.rssMb));
  const c = (name: string) =>
    `${name}, ${r.meta[name === "builder.list" ? "listConnections" : name === "slot.list" ? "slotConnections" : "bookingConnections"]} connections`;
  return {
    head: ["path", "Next server", "bare node:http + pg", "router only (tRPC on node:http)", "target", "met?"],
    rows: [
      [`${c("builder.list")}: req/s`, rps(list.next), rps(list.bare), rps(list.router), "", ""],
      [
        "builder.list: ratio to bare (median of rounds)",
        String(round(ratio, 3)),
        "1",
        String(round(routerRatio, 3)),
        ">= 0.5",
        check(ratio >= 0.5),
      ],
      ["builder.list: latency", lat(list.next), lat(list.bare), lat(list.router), "p95 < 50 ms", check(list.next.p95 < 50)],
      [`${c("slot.list")} (31 days): req/s`, rps(slot.next), "-", rps(slot.router), "", ""],
      ["slot.list: latency", lat(slot.next), "-", lat(slot.router), "p95 < 25 ms", check(slot.next.p95 < 25)],
      [
        `booking.create burst: ${r.meta.burstCalls} calls on ${r.meta.burstSlots} slots, x${r.bursts.length}`,
        `${statuses}; p50 ${ms(Math.max(...r.bursts.map((b) => b.latency.p50)))}, p95 ${ms(burstP95)} (worst burst)`,
        "-",
        "-",
        `${r.meta.burstSlots} ok, ${Number(r.meta.burstCalls) - Number(r.meta.burstSlots)} x 409, p95 < 1.5 s`,
        `${check(correct)} / ${check(burstP95 < 1500)}`,
      ],
      [`${c("booking.create")}: req/s`, rps(book.next), rps(book.bare), "-", "", ""],
      [
        "booking.create: ratio to bare, latency",
        `${round(medianRatio(r.bookingLoad.next, r.bookingLoad.bare), 3)}; ${lat(book.next)}`,
        lat(book.bare),
        "-",
        "",
        "",
      ],
      overloadRow(r.overload),
      [
        "Next process tree RSS after load (peak)",
        `${round(rss, 0)} MB (${round(sum(r.memory.next.map((p) => p.peakMb)), 0)} MB)`,
        `${round(r.memory.bare.rssMb, 0)} MB peak`,
        `${round(r.memory.router.rssMb, 0)} MB peak`,
        "< 400 MB",
        check(rss < 400),
      ],
    ],
  };
}

function overloadRow(o: OverloadRun): string[] {
  const refused = o.statuses["503"] ?? 0;
  const fast = refused > 0 && o.refused.p95 < o.served.p95;
  return [
    `overload: ${o.calls} builder.list at once`,
    `${o.statuses["200"] ?? 0} served (p95 ${ms(o.served.p95)}), ${refused} x 503 (p95 ${ms(o.refused.p95)}, Retry-After ${o.retryAfter ?? "-"})`,
    "-",
    "-",
    "excess refused fast (503 p95 < served p95)",
    check(fast),
  ];
}

export function detailTable(r: Results): Table {
  const rows: string[][] = [];
  const runs = (label: string, byServer: Record<string, MeasuredRun[]>) => {
    for (const [server, list] of Object.entries(byServer)) {
      const s = summarizeRuns(list);
      rows.push([
        `${label} ${server}`,
        `${round(s.cpuUsPerRequest, 0)} µs`,
        `${round(s.othersPct, 0)}%`,
        String(s.errors),
        list.map((x) => round(x.rps, 0)).join(" / "),
      ]);
    }
  };
  runs("builder.list", r.list);
  runs("slot.list", r.slotLoad);
  runs("booking.create", r.bookingLoad);
  return { head: ["load run", "server CPU per request", "others' CPU (% of a core)", "non-200 answers", "req/s per round"], rows };
}

export function breakdownTable(r: Results): Table {
  const s = r.slots;
  const info = (what: string, value: string) => [what, value];
  return {
    head: ["breakdown", "value"],
    rows: [
      info("slot.list in process: router p50 / p95", `${ms(s.router.p50)} / ${ms(s.router.p95)}`),
      info("slot.list in process: loadSlotContext (DB) p50 / p95", `${ms(s.dbLoad.p50)} / ${ms(s.dbLoad.p95)}`),
      info("slot.list in process: computeSlots p50 / p95", `${ms(s.engine.p50)} / ${ms(s.engine.p95)}`),
      info("slots returned (31 days, 500 bookings)", String(s.slots)),
      ...r.bursts.map((b, i) =>
        info(
          `burst ${i + 1}: ok p50 / p95; 409 p50 / p95; bookings in the database`,
          `${ms(b.ok.p50)} / ${ms(b.ok.p95)}; ${ms(b.conflict.p50)} / ${ms(b.conflict.p95)}; ${b.bookingsInDb}${b.unexpected ? `; unexpected: ${b.unexpected}` : ""}`,
        ),
      ),
      info(
        `booking.create in process (router + Prisma, no HTTP), ${r.bookingRouter.calls} sequential: p50 / p95, CPU per call`,
        `${ms(r.bookingRouter.p50)} / ${ms(r.bookingRouter.p95)}, ${round(r.bookingRouter.cpuUsPerCall, 0)} µs`,
      ),
      info(
        "booking.create statements (before / transaction / after the answer)",
        `${r.bookingReplay.before.length} / ${r.bookingReplay.transaction.length + 2} / ${r.bookingReplay.after.length}`,
      ),
      info("confirmation emails delivered by the Next server's workers / bookings made", `${r.emails.delivered} / ${r.emails.bookings}`),
      ...r.memory.next.map((p) => info(`Next tree after load: ${p.command}`, `${round(p.rssMb, 0)} MB now, ${round(p.peakMb, 0)} MB peak`)),
      info("Next tree after the overload burst", `${round(sum(r.memory.nextAfterOverload.map((p) => p.rssMb)), 0)} MB`),
      info("bench process (load generator, sandbox) peak RSS", `${round(r.memory.bench.rssMb, 0)} MB`),
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

export async function save(results: Results, tables: Table[]): Promise<string[]> {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "../results");
  await mkdir(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const base = path.join(dir, `${stamp}-${results.meta.database}`);
  const meta = Object.entries(results.meta).map(([k, v]) => `- ${k}: ${v}`);
  const md = [`# npm run bench — ${new Date().toISOString()}`, "", ...meta, "", ...tables.flatMap((t) => [markdown(t), ""])].join("\n");
  await writeFile(`${base}.json`, JSON.stringify({ ...results, tables }, null, 2) + "\n");
  await writeFile(`${base}.md`, md);
  await writeFile(path.join(dir, "latest.md"), md);
  return [`${base}.json`, `${base}.md`, path.join(dir, "latest.md")];
}
