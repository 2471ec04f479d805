import type { Interval } from "./types";

type Span = { start: number; end: number };

/** Sorts busy intervals and merges overlaps into disjoint spans (empty/invalid ones dropped). */
export function mergeBusy(busy: Interval[]): Span[] {
  const spans = busy
    .map((b) => ({ start: b.start.getTime(), end: b.end.getTime() }))
    .filter((s) => Number.isFinite(s.start) && Number.isFinite(s.end) && s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    // Merging touching spans is safe: the union covers exactly the same instants.
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/**
 * Returns `overlaps(start, end)` for half-open [start, end) queries. Busy is merged so
 * ends are sorted too, which lets a single index move forward as query starts grow:
 * O(busy log busy + queries) instead of O(queries × busy). Queries should come in
 * non-decreasing `start` order; an out-of-order query just rewinds the index.
 */
export function createBusySweep(busy: Interval[]): (start: number, end: number) => boolean {
  const spans = mergeBusy(busy);
  let i = 0;
  let lastStart = Number.NEGATIVE_INFINITY;
  return (start, end) => {
    if (start < lastStart) i = 0;
    lastStart = start;
    let next = spans[i];
    while (next !== undefined && next.end <= start) next = spans[++i];
    return next !== undefined && next.start < end;
  };
}
