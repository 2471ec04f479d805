import "../time/test-process-tz";
import { describe, expect, it } from "vitest";
import { createBusySweep, mergeBusy } from "./busy-sweep";

const iv = (start: number, end: number) => ({ start: new Date(start), end: new Date(end) });

describe("busy sweep", () => {
  it("merges unsorted, nested and touching intervals and drops empty ones", () => {
    expect(mergeBusy([iv(50, 60), iv(0, 100), iv(10, 20), iv(100, 120), iv(200, 200), iv(300, 250)])).toEqual([{ start: 0, end: 120 }]);
  });

  it("answers half-open overlap queries in order", () => {
    const overlaps = createBusySweep([iv(100, 200), iv(300, 400)]);
    expect(overlaps(0, 100)).toBe(false); // ends exactly at busy start
    expect(overlaps(50, 101)).toBe(true);
    expect(overlaps(200, 300)).toBe(false); // fits exactly between
    expect(overlaps(399, 500)).toBe(true);
    expect(overlaps(400, 500)).toBe(false);
  });

  it("stays correct if a query goes backwards", () => {
    const overlaps = createBusySweep([iv(100, 200)]);
    expect(overlaps(500, 600)).toBe(false);
    expect(overlaps(150, 160)).toBe(true);
  });
});
