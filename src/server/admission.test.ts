import { describe, expect, it } from "vitest";
import { createAdmission } from "./admission";

describe("createAdmission", () => {
  it("admits up to the limit, refuses past it, and admits again once one leaves", () => {
    const admission = createAdmission(2);
    expect([admission.tryEnter(), admission.tryEnter(), admission.tryEnter()]).toEqual([true, true, false]);
    expect(admission.inFlight).toBe(2);
    admission.leave();
    expect(admission.inFlight).toBe(1);
    expect(admission.tryEnter()).toBe(true);
    expect(admission.tryEnter()).toBe(false);
  });

  it("a refused request is not counted, so it needs no leave()", () => {
    const admission = createAdmission(1);
    admission.tryEnter();
    for (let i = 0; i < 5; i++) expect(admission.tryEnter()).toBe(false);
    admission.leave();
    expect(admission.inFlight).toBe(0);
    expect(admission.tryEnter()).toBe(true);
  });
});
