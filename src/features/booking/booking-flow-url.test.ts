import { describe, expect, it } from "vitest";
import { flowHref, readFlowPlace } from "./booking-flow-url";

const start = new Date("2026-12-03T09:30:00.000Z");

describe("booking flow in the URL", () => {
  it("round-trips the chosen time and the details step", () => {
    const href = flowHref("/builders/ada/book/st1", { start, step: "details" });
    expect(href).toBe("/builders/ada/book/st1?start=2026-12-03T09%3A30%3A00.000Z&step=details");
    const place = readFlowPlace(new URL(href, "http://x").searchParams);
    expect(place.step).toBe("details");
    expect(place.start?.toISOString()).toBe(start.toISOString());
  });

  it("keeps a chosen time on the pick step", () => {
    expect(flowHref("/b", { start, step: "pick" })).toBe("/b?start=2026-12-03T09%3A30%3A00.000Z");
    expect(readFlowPlace(new URLSearchParams("start=2026-12-03T09:30:00.000Z")).step).toBe("pick");
  });

  it("reads junk as the start of the flow", () => {
    expect(readFlowPlace(new URLSearchParams("start=tomorrow&step=details"))).toEqual({ start: null, step: "pick" });
    expect(readFlowPlace(new URLSearchParams("step=details"))).toEqual({ start: null, step: "pick" });
    expect(flowHref("/b", { start: null, step: "details" })).toBe("/b");
  });
});
