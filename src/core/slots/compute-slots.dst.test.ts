import "../time/test-process-tz";
import { describe, expect, it } from "vitest";
import { formatInZone } from "../time/time-zone";
import { computeSlots } from "./compute-slots";
import type { SlotQuery, WeeklyRule } from "./types";

const NY = "America/New_York";
const HOUR = 3_600_000;

function query(zone: string, rules: WeeklyRule[], from: string, to: string, extra: Partial<SlotQuery> = {}): SlotQuery {
  return {
    builderTimeZone: zone,
    rules,
    overrides: [],
    busy: [],
    durationMinutes: 60,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 0,
    bookingWindowDays: 365,
    now: new Date("2026-01-01T00:00:00Z"),
    from: new Date(from),
    to: new Date(to),
    ...extra,
  };
}

const starts = (q: SlotQuery) => computeSlots(q).map((s) => s.start.toISOString());
const sunday = (startMinute: number, endMinute: number): WeeklyRule[] => [{ weekday: 7, startMinute, endMinute }];

describe("computeSlots across DST (America/New_York)", () => {
  it("maps a Sunday 13:00-18:00 rule on the spring-forward day to EDT", () => {
    const slots = computeSlots(query(NY, sunday(780, 1080), "2026-03-08T00:00:00Z", "2026-03-09T12:00:00Z"));
    expect(slots).toHaveLength(5);
    expect(slots[0]?.start.toISOString()).toBe("2026-03-08T17:00:00.000Z");
    expect(slots.at(-1)?.end.toISOString()).toBe("2026-03-08T22:00:00.000Z");
  });

  it("maps the same rule on the fall-back day (also a Sunday) to EST", () => {
    const slots = computeSlots(query(NY, sunday(780, 1080), "2026-11-01T00:00:00Z", "2026-11-02T12:00:00Z"));
    expect(slots).toHaveLength(5);
    expect(slots[0]?.start.toISOString()).toBe("2026-11-01T18:00:00.000Z");
    expect(slots.at(-1)?.end.toISOString()).toBe("2026-11-01T23:00:00.000Z");
  });

  it("offers only real instants in a 01:00-04:00 window spanning the spring-forward gap", () => {
    // 02:00-03:00 does not exist, so the window is 2 real hours: 01:00 EST and 03:00 EDT.
    const slots = computeSlots(query(NY, sunday(60, 240), "2026-03-08T00:00:00Z", "2026-03-09T00:00:00Z"));
    expect(slots.map((s) => [s.start.toISOString(), s.end.toISOString()])).toEqual([
      ["2026-03-08T06:00:00.000Z", "2026-03-08T07:00:00.000Z"],
      ["2026-03-08T07:00:00.000Z", "2026-03-08T08:00:00.000Z"],
    ]);
    expect(slots.map((s) => formatInZone(s.start, NY, "HH:mm"))).toEqual(["01:00", "03:00"]);
  });

  it("keeps 60 real minutes per slot with a 30-minute step across the gap", () => {
    const slots = computeSlots(query(NY, sunday(60, 240), "2026-03-08T00:00:00Z", "2026-03-09T00:00:00Z", { stepMinutes: 30 }));
    expect(slots.map((s) => formatInZone(s.start, NY, "HH:mm"))).toEqual(["01:00", "01:30", "03:00"]);
    for (const s of slots) expect(s.end.getTime() - s.start.getTime()).toBe(HOUR);
  });

  it("offers both 01:00 hours in a 01:00-04:00 window on fall-back night", () => {
    // Chosen policy: the window is every real instant whose wall clock reads 01:00-04:00,
    // so it opens at the FIRST 01:00 (EDT) and lasts 4 real hours; the repeated hour is
    // offered twice, as two distinct instants, never as a duplicate.
    const slots = computeSlots(query(NY, sunday(60, 240), "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z"));
    expect(slots.map((s) => s.start.toISOString())).toEqual([
      "2026-11-01T05:00:00.000Z",
      "2026-11-01T06:00:00.000Z",
      "2026-11-01T07:00:00.000Z",
      "2026-11-01T08:00:00.000Z",
    ]);
    expect(slots.map((s) => formatInZone(s.start, NY, "HH:mm ZZZZ"))).toEqual(["01:00 EDT", "01:00 EST", "02:00 EST", "03:00 EST"]);
    for (const s of slots) expect(s.end.getTime() - s.start.getTime()).toBe(HOUR);
  });

  it("applies the same fall-back policy east of UTC (Europe/Berlin), where luxon alone would pick the later 02:00", () => {
    const got = starts(query("Europe/Berlin", sunday(120, 240), "2026-10-24T00:00:00Z", "2026-10-26T00:00:00Z"));
    expect(got).toEqual(["2026-10-25T00:00:00.000Z", "2026-10-25T01:00:00.000Z", "2026-10-25T02:00:00.000Z"]);
  });

  it("opens a window whose start is skipped at the transition and never emits bogus 02:xx slots", () => {
    const got = starts(query(NY, sunday(150, 300), "2026-03-08T00:00:00Z", "2026-03-09T00:00:00Z", { durationMinutes: 30 }));
    // 02:30 does not exist; the window runs 03:00-05:00 EDT.
    expect(got).toEqual(["2026-03-08T07:00:00.000Z", "2026-03-08T07:30:00.000Z", "2026-03-08T08:00:00.000Z", "2026-03-08T08:30:00.000Z"]);
  });

  it("does not offer time past a skipped window end (00:00-02:30 ends at the jump)", () => {
    const got = starts(query(NY, sunday(0, 150), "2026-03-08T00:00:00Z", "2026-03-09T00:00:00Z", { durationMinutes: 30 }));
    expect(got.at(-1)).toBe("2026-03-08T06:30:00.000Z");
    expect(got).toHaveLength(4);
  });

  it("counts the booking window in builder-local days, so it ends at the same wall time across DST", () => {
    // now = Sun 2026-03-01 10:00 EST; 7 days later is Sun 2026-03-08 10:00 EDT = 14:00Z.
    const q = query(NY, sunday(540, 720), "2026-03-08T00:00:00Z", "2026-03-09T00:00:00Z", {
      now: new Date("2026-03-01T15:00:00Z"),
      bookingWindowDays: 7,
    });
    expect(starts(q)).toEqual(["2026-03-08T13:00:00.000Z"]);
  });
});
