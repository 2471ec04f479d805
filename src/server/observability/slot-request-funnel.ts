import { createFunnelCounter, flushFunnelCounts, type FunnelCounter } from "@/modules/metrics/funnel-counter";
import { getDb } from "@/server/db/client";
import { logger } from "@/server/logger";

// The first step of the booking funnel: slot.list calls, per UTC day and session type, counted
// in this process's memory and added to FunnelCount every FLUSH_INTERVAL_MS in one statement,
// and once more when the process is asked to stop. slot.list is benchmarked (p95 < 25 ms): the
// request pays for one Map update. Counts since the last flush are lost in a crash
// (docs/decisions/0023-business-metrics.md).

export const FLUSH_INTERVAL_MS = 5_000;

type Recorder = { counter: FunnelCounter; timer?: NodeJS.Timeout; flushing?: Promise<number> };
// On globalThis: Next bundles this module into more than one chunk; they must share one counter.
const globalForFunnel = globalThis as unknown as { bookingSlotFunnel?: Recorder };
const recorder = (globalForFunnel.bookingSlotFunnel ??= { counter: createFunnelCounter() });

/** tRPC middleware body for slot.list: counts a request once it has answered with slots. */
export async function countSlotRequest<R extends { ok: boolean }>(sessionTypeId: string, next: () => Promise<R>): Promise<R> {
  const result = await next();
  if (result.ok) {
    recorder.counter.record(sessionTypeId);
    startFlushing();
  }
  return result;
}

function startFlushing(): void {
  if (recorder.timer) return;
  recorder.timer = setInterval(() => void flushSlotRequests(), FLUSH_INTERVAL_MS);
  // Never what keeps a process alive; a stop flushes once more.
  recorder.timer.unref();
  // Only beside a handler that already owns the signal (next start, the worker): a listener
  // of our own would otherwise stop the signal from ending the process. Best effort: that
  // handler may exit before the statement completes.
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    if (process.listenerCount(signal) > 0) process.once(signal, () => void flushSlotRequests());
  }
  process.once("beforeExit", () => void flushSlotRequests());
}

/** Writes the counts so far (one statement); on failure keeps them for the next flush. */
export async function flushSlotRequests(db = getDb()): Promise<number> {
  // One flush at a time: two overlapping ones would still be correct (each adds its own
  // drained counts) but would compete for a connection for nothing.
  if (recorder.flushing) await recorder.flushing.catch(() => 0);
  const entries = recorder.counter.drain();
  if (entries.length === 0) return 0;
  recorder.flushing = flushFunnelCounts(db, entries).catch((error: unknown) => {
    recorder.counter.restore(entries);
    logger.warn({ err: error, keys: entries.length }, "slot request counts not written; kept for the next flush");
    return 0;
  });
  try {
    return await recorder.flushing;
  } finally {
    recorder.flushing = undefined;
  }
}
