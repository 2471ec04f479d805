import type { Tx } from "@/modules/shared/tx";

// Slot requests are counted in memory and written in batches (flushFunnelCounts), so the
// benchmarked slot.list path does one Map update, never a database write. A crash loses the
// counts since the last flush (a few seconds): acceptable for a conversion rate
// (docs/decisions/0023-business-metrics.md).

const DAY_MS = 86_400_000;

export type FunnelEntry = { day: string; sessionTypeId: string; count: number };

export type FunnelCounter = {
  /** Counts one slot request for the session type on the UTC day of `nowMs`. */
  record(sessionTypeId: string, nowMs?: number): void;
  /** The counts so far, emptied (a failed flush hands them back with `restore`). */
  drain(): FunnelEntry[];
  restore(entries: FunnelEntry[]): void;
  readonly size: number;
};

/**
 * `maxKeys` bounds the memory: the session type id is the caller's input, so a flood of
 * made-up ids must not grow the map without end; past it new keys are dropped until the
 * next flush (made-up ids are dropped at the flush anyway).
 */
export function createFunnelCounter({ maxKeys = 10_000 }: { maxKeys?: number } = {}): FunnelCounter {
  // Keyed by "<day number>|<sessionTypeId>": a string key and an integer add per request.
  let counts = new Map<string, number>();
  function add(key: string, n: number) {
    const current = counts.get(key);
    if (current !== undefined) counts.set(key, current + n);
    else if (counts.size < maxKeys) counts.set(key, n);
  }
  return {
    record(sessionTypeId, nowMs = Date.now()) {
      add(`${Math.floor(nowMs / DAY_MS)}|${sessionTypeId}`, 1);
    },
    drain() {
      const drained = counts;
      counts = new Map();
      return [...drained].map(([key, count]) => {
        const bar = key.indexOf("|");
        const day = new Date(Number(key.slice(0, bar)) * DAY_MS).toISOString().slice(0, 10);
        return { day, sessionTypeId: key.slice(bar + 1), count };
      });
    },
    restore(entries) {
      for (const e of entries) add(`${Math.floor(Date.parse(`${e.day}T00:00:00Z`) / DAY_MS)}|${e.sessionTypeId}`, e.count);
    },
    get size() {
      return counts.size;
    },
  };
}

/**
 * One statement for the whole batch: adds each count to its (day, session type) row, the
 * builder read from the session type in the same statement. Ids that name no session type
 * (typos, probes) are dropped by the join. Returns the rows written.
 */
export async function flushFunnelCounts(db: Tx, entries: FunnelEntry[]): Promise<number> {
  if (entries.length === 0) return 0;
  return db.$executeRawUnsafe(
    `INSERT INTO "FunnelCount" (day, step, "builderId", "sessionTypeId", count)
     SELECT v.day, 'SLOTS_REQUESTED'::"FunnelStep", st."builderId", st.id, v.count
       FROM unnest($1::date[], $2::text[], $3::int[]) AS v(day, "sessionTypeId", count)
       JOIN "SessionType" st ON st.id = v."sessionTypeId"
     ON CONFLICT (day, step, "builderId", "sessionTypeId") DO UPDATE SET count = "FunnelCount".count + excluded.count`,
    entries.map((e) => e.day),
    entries.map((e) => e.sessionTypeId),
    entries.map((e) => e.count),
  );
}
