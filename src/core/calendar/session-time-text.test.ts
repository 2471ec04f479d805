import { describe, expect, it } from "vitest";
import { instantText, readerZone, sessionTimeText, zoneLabel } from "./session-time-text";

describe("session times in the reader's zone, with the zone named", () => {
  const start = new Date("2026-03-03T10:00:00Z");
  const end = new Date("2026-03-03T11:00:00Z");

  it("a whole-hour zone: the generic name and the place", () => {
    expect(sessionTimeText(start, end, "Europe/Berlin")).toBe("Tuesday 3 March 2026, 11:00–12:00 (Central European Time, Berlin)");
  });

  it("a +05:45 zone", () => {
    expect(sessionTimeText(start, end, "Asia/Kathmandu")).toBe("Tuesday 3 March 2026, 15:45–16:45 (Nepal Time, Kathmandu)");
  });

  it("across a DST change the clock moves and the zone's name does not contradict it", () => {
    // New York moves to daylight time at 02:00 on 8 March 2026.
    const before = sessionTimeText(new Date("2026-03-07T17:00:00Z"), new Date("2026-03-07T18:00:00Z"), "America/New_York");
    const after = sessionTimeText(new Date("2026-03-08T17:00:00Z"), new Date("2026-03-08T18:00:00Z"), "America/New_York");
    expect(before).toBe("Saturday 7 March 2026, 12:00–13:00 (Eastern Time, New York)");
    expect(after).toBe("Sunday 8 March 2026, 13:00–14:00 (Eastern Time, New York)");
  });

  it("a 24-hour clock, and both days for a session past midnight", () => {
    expect(sessionTimeText(new Date("2026-03-03T22:30:00Z"), new Date("2026-03-03T23:30:00Z"), "Europe/Berlin")).toBe(
      "Tuesday 3 March 2026, 23:30 – Wednesday 4 March 2026, 00:30 (Central European Time, Berlin)",
    );
  });

  it("names UTC and multi-part places readably", () => {
    expect(zoneLabel("UTC", start)).toBe("Coordinated Universal Time");
    expect(zoneLabel("America/Argentina/Buenos_Aires", start)).toBe("Argentina Standard Time, Buenos Aires");
    expect(instantText(start, "Asia/Kolkata")).toBe("Tuesday 3 March 2026, 15:30 (India Standard Time, Kolkata)");
  });

  it("falls back to the other zone when the reader's is unknown or not a zone", () => {
    expect(readerZone("Europe/Berlin", "America/New_York")).toBe("Europe/Berlin");
    expect(readerZone(null, "America/New_York")).toBe("America/New_York");
    expect(readerZone("Mars/Olympus", "America/New_York")).toBe("America/New_York");
  });
});
