import "./test-process-tz";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isIsoDate, isoWeekday, parseIsoDate } from "./calendar-date";

describe("calendar dates", () => {
  it("runs under a non-whole-hour process zone", () => {
    expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).toBe(-345);
  });

  it("validates strictly", () => {
    expect(isIsoDate("2026-02-28")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-2-28")).toBe(false);
    expect(isIsoDate("2026-02-28T00:00")).toBe(false);
    expect(() => parseIsoDate("nope")).toThrow(/Invalid date/);
  });

  it("adds days across month, year and DST boundaries", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-03-08", 1)).toBe("2026-03-09");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("gives ISO weekdays and day differences", () => {
    expect(isoWeekday("2026-03-08")).toBe(7);
    expect(isoWeekday("2026-03-09")).toBe(1);
    expect(daysBetween("2026-03-01", "2026-04-01")).toBe(31);
    expect(daysBetween("2026-04-01", "2026-03-01")).toBe(-31);
  });
});
