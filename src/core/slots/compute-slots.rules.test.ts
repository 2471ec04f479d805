import "../time/test-process-tz";
import { describe, expect, it } from "vitest";
import { computeSlots, isBookableSlot } from "./compute-slots";
import type { DateOverride, Interval, SlotQuery } from "./types";

// Asia/Kolkata (+05:30, no DST): Monday 09:00-13:00 local = 03:30Z-07:30Z.
const MON = "2026-03-16";
const busyAt = (start: string, end: string): Interval => ({ start: new Date(start), end: new Date(end) });

function query(extra: Partial<SlotQuery> = {}): SlotQuery {
  return {
    builderTimeZone: "Asia/Kolkata",
    rules: [{ weekday: 1, startMinute: 540, endMinute: 780 }],
    overrides: [],
    busy: [],
    durationMinutes: 60,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 0,
    bookingWindowDays: 60,
    now: new Date("2026-03-01T00:00:00Z"),
    from: new Date("2026-03-14T00:00:00Z"),
    to: new Date("2026-03-17T00:00:00Z"),
    ...extra,
  };
}
const hours = (q: SlotQuery) => computeSlots(q).map((s) => s.start.toISOString().slice(11, 16));
const closed = (date: string): DateOverride => ({ date, kind: "CLOSED", startMinute: null, endMinute: null });
const extra = (date: string, startMinute: number, endMinute: number): DateOverride => ({ date, kind: "EXTRA", startMinute, endMinute });

describe("computeSlots rules, overrides and constraints", () => {
  it("produces the plain weekly grid", () => {
    expect(hours(query())).toEqual(["03:30", "04:30", "05:30", "06:30"]);
  });

  it("treats busy intervals as half-open: touching bookings do not block", () => {
    expect(hours(query({ busy: [busyAt(`${MON}T05:30:00Z`, `${MON}T06:30:00Z`)] }))).toEqual(["03:30", "04:30", "06:30"]);
  });

  it("blocks the following slot with bufferBefore and the preceding one with bufferAfter", () => {
    const busy = [busyAt(`${MON}T05:30:00Z`, `${MON}T06:30:00Z`)];
    expect(hours(query({ busy, bufferBeforeMinutes: 15 }))).toEqual(["03:30", "04:30"]);
    expect(hours(query({ busy, bufferAfterMinutes: 15 }))).toEqual(["03:30", "06:30"]);
  });

  it("handles unsorted, overlapping and nested busy intervals", () => {
    const busy = [
      busyAt(`${MON}T06:40:00Z`, `${MON}T06:50:00Z`),
      busyAt(`${MON}T03:00:00Z`, `${MON}T04:00:00Z`),
      busyAt(`${MON}T03:10:00Z`, `${MON}T03:20:00Z`),
    ];
    expect(hours(query({ busy }))).toEqual(["04:30", "05:30"]);
  });

  it("requires start >= now + minimum notice (boundary inclusive)", () => {
    const now = new Date(`${MON}T04:00:00Z`);
    expect(hours(query({ now, minimumNoticeMinutes: 30 }))).toEqual(["04:30", "05:30", "06:30"]);
    expect(hours(query({ now, minimumNoticeMinutes: 31 }))).toEqual(["05:30", "06:30"]);
  });

  it("requires start < now + booking window (boundary exclusive)", () => {
    const from = new Date("2026-03-09T00:00:00Z");
    const q = query({ from, now: new Date("2026-03-02T04:30:00Z"), bookingWindowDays: 14 });
    // Window ends Mon 16 March 10:00 IST (04:30Z): 03:30Z is in, 04:30Z is not.
    expect(computeSlots(q).map((s) => s.start.toISOString())).toEqual([
      "2026-03-09T03:30:00.000Z",
      "2026-03-09T04:30:00.000Z",
      "2026-03-09T05:30:00.000Z",
      "2026-03-09T06:30:00.000Z",
      "2026-03-16T03:30:00.000Z",
    ]);
  });

  it("CLOSED removes the weekday's hours for that date only", () => {
    const q = query({ from: new Date("2026-03-09T00:00:00Z"), overrides: [closed(MON)] });
    expect(computeSlots(q).map((s) => s.start.toISOString().slice(0, 10))).toEqual(Array(4).fill("2026-03-09"));
  });

  it("EXTRA adds hours on a Saturday without rules", () => {
    const saturday = { from: new Date("2026-03-14T00:00:00Z"), to: new Date("2026-03-15T00:00:00Z") };
    expect(computeSlots(query(saturday))).toEqual([]);
    // Sat 14 March 10:00-12:00 IST = 04:30Z-06:30Z.
    const slots = computeSlots(query({ ...saturday, overrides: [extra("2026-03-14", 600, 720)] }));
    expect(slots.map((s) => s.start.toISOString())).toEqual(["2026-03-14T04:30:00.000Z", "2026-03-14T05:30:00.000Z"]);
  });

  it("CLOSED + EXTRA replaces the day's hours", () => {
    expect(hours(query({ overrides: [closed(MON), extra(MON, 840, 960)] }))).toEqual(["08:30", "09:30"]);
  });

  it("merges an EXTRA that overlaps weekly hours into one window (one grid)", () => {
    // 09:00-13:00 + 12:30-14:00 => 09:00-14:00, so 13:00 local (07:30Z), not 12:30 (07:00Z).
    expect(hours(query({ overrides: [extra(MON, 750, 840)] }))).toEqual(["03:30", "04:30", "05:30", "06:30", "07:30"]);
  });

  it("steps independently of the duration", () => {
    expect(hours(query({ stepMinutes: 90 }))).toEqual(["03:30", "05:00", "06:30"]);
  });

  it("rejects invalid input with validation errors", () => {
    expect(() => computeSlots(query({ builderTimeZone: "Nowhere/Land" }))).toThrow(/Unknown time zone/);
    expect(() => computeSlots(query({ durationMinutes: 0 }))).toThrow(/durationMinutes/);
    expect(() => computeSlots(query({ stepMinutes: -5 }))).toThrow(/stepMinutes/);
  });
});

describe("isBookableSlot", () => {
  const { from: _from, to: _to, ...base } = query({ busy: [busyAt(`${MON}T05:30:00Z`, `${MON}T06:30:00Z`)] });

  it("accepts a real slot", () => {
    expect(isBookableSlot(base, new Date(`${MON}T04:30:00Z`))).toBe(true);
    expect(isBookableSlot(base, new Date(`${MON}T06:30:00Z`))).toBe(true);
  });

  it("rejects off-grid, out-of-hours, busy and invalid starts", () => {
    expect(isBookableSlot(base, new Date(`${MON}T04:45:00Z`))).toBe(false);
    expect(isBookableSlot(base, new Date(`${MON}T04:30:00.001Z`))).toBe(false);
    expect(isBookableSlot(base, new Date(`${MON}T07:30:00Z`))).toBe(false);
    expect(isBookableSlot(base, new Date(`${MON}T05:30:00Z`))).toBe(false);
    expect(isBookableSlot(base, new Date("invalid"))).toBe(false);
  });
});
