import { DateTime } from "luxon";
import { AppError } from "../errors";
import { addDays } from "../time/calendar-date";
import { localDays, wallWindowToInstants } from "../time/wall-clock";
import { assertTimeZone, localDateOf } from "../time/time-zone";
import { createBusySweep } from "./busy-sweep";
import { createDayPlanner } from "./day-windows";
import type { Slot, SlotQuery } from "./types";

const MINUTE_MS = 60_000;

function assertPositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value <= 0) throw new AppError("VALIDATION", `${name} must be a positive integer`);
}

function assertNonNegative(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new AppError("VALIDATION", `${name} must be >= 0`);
}

function assertNonNegativeInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new AppError("VALIDATION", `${name} must be a whole number >= 0`);
}

/**
 * Bookable slots whose start lies in [from, to), sorted by start.
 *
 * Each builder-local date gets its own grid: slots start at a (merged) window's start
 * and step by `stepMinutes` of real time, lasting `durationMinutes` of real time, and
 * never cross the window's end (so never local midnight either). Because a day's grid
 * depends only on that day's windows, the output for an instant never depends on the
 * query range — which is what makes viewer-zone ranges and isBookableSlot agree.
 * DST edges are resolved by wallWindowToInstants (see its policy).
 */
export function computeSlots(q: SlotQuery): Slot[] {
  const zone = q.builderTimeZone;
  assertTimeZone(zone);
  assertPositiveInteger("durationMinutes", q.durationMinutes);
  assertPositiveInteger("stepMinutes", q.stepMinutes ?? q.durationMinutes);
  assertNonNegative("bufferBeforeMinutes", q.bufferBeforeMinutes);
  assertNonNegative("bufferAfterMinutes", q.bufferAfterMinutes);
  assertNonNegative("minimumNoticeMinutes", q.minimumNoticeMinutes);
  assertNonNegativeInteger("bookingWindowDays", q.bookingWindowDays);
  const nowMs = q.now.getTime();
  if (![nowMs, q.from.getTime(), q.to.getTime()].every(Number.isFinite)) {
    throw new AppError("VALIDATION", "now, from and to must be valid dates");
  }

  const durationMs = q.durationMinutes * MINUTE_MS;
  const stepMs = (q.stepMinutes ?? q.durationMinutes) * MINUTE_MS;
  // The booking window counts builder-local calendar days (same wall time N days on),
  // so "book up to 7 days ahead" does not drift by an hour across a DST change.
  const windowEnd = DateTime.fromMillis(nowMs, { zone }).plus({ days: q.bookingWindowDays }).toMillis();
  const earliest = Math.max(q.from.getTime(), nowMs + q.minimumNoticeMinutes * MINUTE_MS);
  const latest = Math.min(q.to.getTime(), windowEnd);
  if (earliest >= latest) return [];

  // One extra local day each side: a UTC range can touch dates its endpoints' local
  // dates do not (and windows may end at 24:00).
  const firstDate = addDays(localDateOf(new Date(earliest), zone), -1);
  const lastDate = addDays(localDateOf(new Date(latest), zone), 1);
  const windowsFor = createDayPlanner(q.rules, q.overrides);

  const starts: number[] = [];
  for (const day of localDays(firstDate, lastDate, zone)) {
    for (const w of windowsFor(day.date)) {
      const span = wallWindowToInstants(day, w.startMinute, w.endMinute);
      if (!span || span.end <= earliest || span.start >= latest) continue;
      // Jump straight to the first grid point >= earliest instead of walking to it.
      const skip = Math.max(0, Math.ceil((earliest - span.start) / stepMs));
      for (let s = span.start + skip * stepMs; s + durationMs <= span.end && s < latest; s += stepMs) {
        starts.push(s);
      }
    }
  }
  // Dates are visited in order, so this only sorts in zones whose clocks jump back
  // across midnight; it also guarantees no duplicate instants.
  const ordered = isStrictlyIncreasing(starts) ? starts : [...new Set(starts)].sort((a, b) => a - b);

  const beforeMs = q.bufferBeforeMinutes * MINUTE_MS;
  const afterMs = q.bufferAfterMinutes * MINUTE_MS;
  const overlapsBusy = createBusySweep(q.busy);
  const slots: Slot[] = [];
  for (const s of ordered) {
    if (overlapsBusy(s - beforeMs, s + durationMs + afterMs)) continue;
    slots.push({ start: new Date(s), end: new Date(s + durationMs) });
  }
  return slots;
}

function isStrictlyIncreasing(values: number[]): boolean {
  for (let i = 1; i < values.length; i++) if ((values[i] ?? 0) <= (values[i - 1] ?? 0)) return false;
  return true;
}

/** True iff `start` is exactly one of the slots computeSlots would offer right now. */
export function isBookableSlot(q: Omit<SlotQuery, "from" | "to">, start: Date): boolean {
  const t = start.getTime();
  if (!Number.isFinite(t)) return false;
  // A 1 ms range suffices: computeSlots already scans the neighbouring local dates,
  // and a date's grid does not depend on the range.
  return computeSlots({ ...q, from: start, to: new Date(t + 1) }).some((slot) => slot.start.getTime() === t);
}
