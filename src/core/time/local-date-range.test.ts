import "./test-process-tz";
import { describe, expect, it } from "vitest";
import { localDateRangeToUtc } from "./local-date-range";
import { formatInZone, isValidTimeZone, localDateOf } from "./time-zone";

const iso = (d: Date) => d.toISOString();

describe("localDateRangeToUtc", () => {
  it("maps Kathmandu (+05:45) days to exact UTC instants", () => {
    const r = localDateRangeToUtc("2026-03-09", "2026-03-10", "Asia/Kathmandu");
    expect(iso(r.start)).toBe("2026-03-08T18:15:00.000Z");
    expect(iso(r.end)).toBe("2026-03-10T18:15:00.000Z");
  });

  it("maps St John's days in winter (-03:30) and across its spring-forward (23h day)", () => {
    const winter = localDateRangeToUtc("2026-01-15", "2026-01-15", "America/St_Johns");
    expect(iso(winter.start)).toBe("2026-01-15T03:30:00.000Z");
    expect(iso(winter.end)).toBe("2026-01-16T03:30:00.000Z");
    const dst = localDateRangeToUtc("2026-03-08", "2026-03-08", "America/St_Johns");
    expect(iso(dst.start)).toBe("2026-03-08T03:30:00.000Z");
    expect(iso(dst.end)).toBe("2026-03-09T02:30:00.000Z");
  });

  it("starts a day whose midnight DST skips at its first real instant", () => {
    // Chile springs forward at 00:00 -> 01:00 on 2026-09-06.
    const r = localDateRangeToUtc("2026-09-06", "2026-09-06", "America/Santiago");
    expect(iso(r.start)).toBe("2026-09-06T04:00:00.000Z");
    expect(formatInZone(r.start, "America/Santiago")).toBe("2026-09-06 01:00 -03:00");
  });

  it("returns an empty interval for a reversed range and rejects bad input", () => {
    const r = localDateRangeToUtc("2026-03-10", "2026-03-08", "UTC");
    expect(r.end.getTime()).toBeLessThanOrEqual(r.start.getTime());
    expect(() => localDateRangeToUtc("2026-03-32", "2026-04-01", "UTC")).toThrow(/Invalid date/);
    expect(() => localDateRangeToUtc("2026-03-01", "2026-03-02", "Mars/Olympus")).toThrow(/Unknown time zone/);
  });
});

describe("time zone helpers", () => {
  it("validates IANA names", () => {
    expect(isValidTimeZone("Asia/Kathmandu")).toBe(true);
    expect(isValidTimeZone("America/St_Johns")).toBe(true);
    expect(isValidTimeZone("")).toBe(false);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("+05:45")).toBe(false);
  });

  it("reads the local date of an instant in a zone, not the process zone", () => {
    const instant = new Date("2026-03-08T18:14:00.000Z");
    expect(localDateOf(instant, "Asia/Kathmandu")).toBe("2026-03-08");
    expect(localDateOf(new Date("2026-03-08T18:15:00.000Z"), "Asia/Kathmandu")).toBe("2026-03-09");
    expect(localDateOf(instant, "America/St_Johns")).toBe("2026-03-08");
  });
});
