import "./test-process-tz";
import { describe, expect, it } from "vitest";
import { formatDateTime, formatDayLong, formatDayShort, formatTimeRange } from "./display";

/** ICU puts a narrow no-break space before AM/PM; what matters here is the words. */
const plain = (text: string) => text.replace(/\s/gu, " ");

describe("dates and times on screens", () => {
  const start = new Date("2026-03-08T14:30:00Z");
  it("show an instant in the zone asked for, not the process zone", () => {
    expect(plain(formatDateTime(start, "America/New_York"))).toBe("Sunday, March 8, 2026 at 10:30 AM");
    expect(plain(formatTimeRange(start, new Date("2026-03-08T15:00:00Z"), "UTC"))).toBe("Sunday, March 8, 2026 at 2:30 PM – 3:00 PM");
  });

  it("show a calendar date as that date in any process zone", () => {
    expect(formatDayShort("2026-03-08")).toBe("Sun, Mar 8");
    expect(formatDayLong("2026-12-31")).toBe("Thursday, December 31");
  });
});
