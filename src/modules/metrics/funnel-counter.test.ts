import { describe, expect, it } from "vitest";
import { createFunnelCounter } from "./funnel-counter";

describe("the in-memory slot request counter", () => {
  it("counts per UTC day and session type, and drains to empty", () => {
    const c = createFunnelCounter();
    c.record("st-1", Date.parse("2026-03-08T23:59:59Z"));
    c.record("st-1", Date.parse("2026-03-08T00:00:00Z"));
    c.record("st-1", Date.parse("2026-03-09T00:00:00Z"));
    c.record("st-2", Date.parse("2026-03-09T12:00:00Z"));
    expect(c.drain()).toEqual([
      { day: "2026-03-08", sessionTypeId: "st-1", count: 2 },
      { day: "2026-03-09", sessionTypeId: "st-1", count: 1 },
      { day: "2026-03-09", sessionTypeId: "st-2", count: 1 },
    ]);
    expect(c.size).toBe(0);
  });

  it("keeps at most maxKeys keys (made-up ids cannot grow memory) but still counts known ones", () => {
    const c = createFunnelCounter({ maxKeys: 2 });
    const now = Date.parse("2026-03-08T10:00:00Z");
    for (const id of ["a", "b", "c", "d"]) c.record(id, now);
    c.record("a", now);
    expect(c.drain().map((e) => [e.sessionTypeId, e.count])).toEqual([
      ["a", 2],
      ["b", 1],
    ]);
  });

  it("takes back the counts of a failed flush", () => {
    const c = createFunnelCounter();
    c.record("a", Date.parse("2026-03-08T10:00:00Z"));
    const drained = c.drain();
    c.record("a", Date.parse("2026-03-08T11:00:00Z"));
    c.restore(drained);
    expect(c.drain()).toEqual([{ day: "2026-03-08", sessionTypeId: "a", count: 2 }]);
  });
});
