import "../time/test-process-tz";
import { describe, expect, it } from "vitest";
import { localDateRangeToUtc } from "../time/local-date-range";
import { computeSlots } from "./compute-slots";
import type { Interval, SlotQuery, WeeklyRule } from "./types";

const weekdays9to5: WeeklyRule[] = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 540, endMinute: 1020 }));

function slotsFor(range: Interval, rules: WeeklyRule[], durationMinutes: number): string[] {
  const q: SlotQuery = {
    builderTimeZone: "America/New_York",
    rules,
    overrides: [],
    busy: [],
    durationMinutes,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 0,
    bookingWindowDays: 365,
    now: new Date("2026-01-01T00:00:00Z"),
    from: range.start,
    to: range.end,
  };
  return computeSlots(q).map((s) => s.start.toISOString());
}

const within = (r: Interval) => (iso: string) => iso >= r.start.toISOString() && iso < r.end.toISOString();

describe("viewer time zone only changes the range", () => {
  // Both viewers ask for "Mon 9 - Tue 10 March 2026" in their own zone.
  const kathmandu = localDateRangeToUtc("2026-03-09", "2026-03-10", "Asia/Kathmandu"); // +05:45
  const stJohns = localDateRangeToUtc("2026-03-09", "2026-03-10", "America/St_Johns"); // -02:30 (DST since 03-08)
  const overlap: Interval = {
    start: new Date(Math.max(kathmandu.start.getTime(), stJohns.start.getTime())),
    end: new Date(Math.min(kathmandu.end.getTime(), stJohns.end.getTime())),
  };

  it("derives the expected ranges", () => {
    expect(kathmandu.start.toISOString()).toBe("2026-03-08T18:15:00.000Z");
    expect(stJohns.end.toISOString()).toBe("2026-03-11T02:30:00.000Z");
    expect(overlap).toEqual({ start: new Date("2026-03-09T02:30:00Z"), end: new Date("2026-03-10T18:15:00Z") });
  });

  it("returns identical UTC instants inside the overlap", () => {
    const a = slotsFor(kathmandu, weekdays9to5, 30);
    const b = slotsFor(stJohns, weekdays9to5, 30);
    expect(a.every(within(kathmandu))).toBe(true);
    expect(b.every(within(stJohns))).toBe(true);
    const inOverlapA = a.filter(within(overlap));
    expect(inOverlapA).toEqual(b.filter(within(overlap)));
    // Mon 09:00-17:00 EDT = 13:00-21:00Z (16 slots) + Tue 13:00Z..18:00Z (11 slots).
    expect(inOverlapA).toHaveLength(27);
    expect(inOverlapA[0]).toBe("2026-03-09T13:00:00.000Z");
    expect(inOverlapA.at(-1)).toBe("2026-03-10T18:00:00.000Z");
    expect(a).toHaveLength(27);
    expect(b).toHaveLength(32);
  });

  it("keeps each day's grid when the step does not divide the day (24/7, 50 min)", () => {
    const allDay: WeeklyRule[] = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: 0, endMinute: 1440 }));
    const a = slotsFor(kathmandu, allDay, 50).filter(within(overlap));
    const b = slotsFor(stJohns, allDay, 50).filter(within(overlap));
    expect(a).toEqual(b);
    // Mon's last slot is 22:30 EDT (02:30Z, ends 23:20); no slot crosses midnight (23:20 EDT
    // = 03:20Z) and Tue starts a fresh grid at its local midnight (04:00Z).
    expect(a).toContain("2026-03-10T02:30:00.000Z");
    expect(a).not.toContain("2026-03-10T03:20:00.000Z");
    expect(a).toContain("2026-03-10T04:00:00.000Z");
  });
});
