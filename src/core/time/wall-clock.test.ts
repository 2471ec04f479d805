import "./test-process-tz";
import { describe, expect, it } from "vitest";
import { localDay, localDays, resolveWallTime, wallWindowToInstants } from "./wall-clock";

const at = (s: string) => new Date(s).getTime();
const NY = "America/New_York";

describe("resolveWallTime", () => {
  it("resolves an ordinary wall time", () => {
    expect(resolveWallTime("2026-03-08", 13 * 60, NY)).toEqual({ kind: "unique", instant: at("2026-03-08T17:00:00Z") });
  });

  it("reports a spring-forward gap with the transition instant", () => {
    expect(resolveWallTime("2026-03-08", 150, NY)).toEqual({ kind: "skipped", resumesAt: at("2026-03-08T07:00:00Z") });
  });

  it("reports both readings of a fall-back time, in west- and east-of-UTC zones", () => {
    expect(resolveWallTime("2026-11-01", 90, NY)).toEqual({
      kind: "repeated",
      earlier: at("2026-11-01T05:30:00Z"),
      later: at("2026-11-01T06:30:00Z"),
    });
    expect(resolveWallTime("2026-10-25", 150, "Europe/Berlin")).toEqual({
      kind: "repeated",
      earlier: at("2026-10-25T00:30:00Z"),
      later: at("2026-10-25T01:30:00Z"),
    });
  });

  it("treats minute 1440 as the next local midnight", () => {
    expect(resolveWallTime("2026-03-07", 1440, NY)).toEqual({ kind: "unique", instant: at("2026-03-08T05:00:00Z") });
  });
});

describe("localDay", () => {
  it("marks ordinary days steady and DST days not", () => {
    expect(localDay("2026-03-09", NY)).toEqual({
      date: "2026-03-09",
      zone: NY,
      start: at("2026-03-09T04:00:00Z"),
      end: at("2026-03-10T04:00:00Z"),
      steady: true,
    });
    const spring = localDay("2026-03-08", NY);
    expect([spring.end - spring.start, spring.steady]).toEqual([23 * 3_600_000, false]);
    const fall = localDay("2026-11-01", NY);
    expect([fall.end - fall.start, fall.steady]).toEqual([25 * 3_600_000, false]);
  });
});

describe("wallWindowToInstants", () => {
  it("takes minutes after local midnight on a steady day", () => {
    expect(wallWindowToInstants(localDay("2026-03-09", "Asia/Kathmandu"), 540, 600)).toEqual({
      start: at("2026-03-09T03:15:00Z"),
      end: at("2026-03-09T04:15:00Z"),
    });
  });

  it("ends a window whose end is skipped at the transition, not luxon's shifted time", () => {
    // 00:00-02:30 on spring-forward day: the clock reads < 02:30 only until 07:00Z.
    expect(wallWindowToInstants(localDay("2026-03-08", NY), 0, 150)).toEqual({
      start: at("2026-03-08T05:00:00Z"),
      end: at("2026-03-08T07:00:00Z"),
    });
  });

  it("keeps the repeated hour out of a window that ends when it starts", () => {
    expect(wallWindowToInstants(localDay("2026-11-01", NY), 0, 60)).toEqual({
      start: at("2026-11-01T04:00:00Z"),
      end: at("2026-11-01T05:00:00Z"),
    });
  });
});

describe("steady-day fast path", () => {
  it("agrees with per-edge luxon resolution on every steady day of 2026 in odd zones", () => {
    const zones = ["America/St_Johns", "Asia/Kathmandu", "Australia/Lord_Howe", "America/Santiago", "Pacific/Chatham"];
    for (const zone of zones) {
      for (const day of localDays("2026-01-01", "2026-12-31", zone)) {
        if (!day.steady) continue;
        for (const [s, e] of [
          [0, 1440],
          [150, 585],
        ] as const) {
          expect(wallWindowToInstants(day, s, e)).toEqual(wallWindowToInstants({ ...day, steady: false }, s, e));
        }
      }
    }
  });
});
