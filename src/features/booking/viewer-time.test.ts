import { describe, expect, it } from "vitest";
import {
  formatViewerDateTime,
  formatViewerDayLong,
  formatViewerDayShort,
  formatViewerDeadline,
  formatViewerTime,
  formatViewerTimeRange,
} from "./viewer-time";

const at = new Date("2026-03-09T14:30:00Z");

describe("times for the viewer", () => {
  it("follows the locale's clock: 12 h for en-US, 24 h for en-GB and de-DE", () => {
    expect(formatViewerTime(at, "UTC", "en-US")).toBe("2:30 PM");
    expect(formatViewerTime(at, "UTC", "en-GB")).toBe("14:30");
    expect(formatViewerTime(at, "Europe/Berlin", "de-DE")).toBe("15:30");
  });

  it("reads the instant in the chosen zone", () => {
    expect(formatViewerTime(at, "Asia/Kolkata", "en-GB")).toBe("20:00");
    expect(formatViewerDateTime(at, "America/New_York", "en-US")).toBe("Monday, March 9, 2026 at 10:30 AM");
  });

  it("gives a range on one date", () => {
    expect(formatViewerTimeRange(at, new Date("2026-03-09T15:00:00Z"), "UTC", "en-GB")).toBe("Monday, 9 March 2026 at 14:30 – 15:00");
  });

  it("says only the time for a deadline today, the day too otherwise", () => {
    const deadline = new Date("2026-03-09T14:05:00Z");
    expect(formatViewerDeadline(deadline, at, "UTC", "en-GB")).toBe("14:05");
    expect(formatViewerDeadline(deadline, at, "Pacific/Kiritimati", "en-GB")).toBe("4:05");
    expect(formatViewerDeadline(new Date("2026-03-10T09:00:00Z"), at, "UTC", "en-US")).toBe("Tue, Mar 10, 9:00 AM");
  });

  it("never moves a calendar date, whatever the zone", () => {
    expect(formatViewerDayShort("2026-03-09", "en-US")).toBe("Mon, Mar 9");
    expect(formatViewerDayLong("2026-03-09", "en-GB")).toBe("Monday 9 March");
  });
});
