import { describe, expect, it } from "vitest";
import { amountToCents, centsToAmount, formatMoney, formatMoneyRange } from "./money";

describe("amounts typed by people", () => {
  it.each([
    ["0", 0],
    ["12", 1200],
    ["12.5", 1250],
    [" 12.50 ", 1250],
    ["0.07", 7],
    ["10000", 1_000_000],
  ])("read %j as %i cents", (text, cents) => {
    expect(amountToCents(text)).toBe(cents);
  });

  it.each(["", "-1", "1e3", "12.555", "12,50", "abc", "."])("refuse %j", (text) => {
    expect(amountToCents(text)).toBeUndefined();
  });

  it("write cents back as an amount to edit", () => {
    expect(centsToAmount(1250)).toBe("12.50");
    expect(centsToAmount(1200)).toBe("12");
    expect(amountToCents(centsToAmount(99_999))).toBe(99_999);
  });
});

describe("prices on screens", () => {
  it("read free, one price or a range", () => {
    expect(formatMoney({ amountCents: 0, currency: "usd" })).toBe("Free");
    expect(formatMoneyRange(9900, 9900, "usd")).toBe("$99.00");
    expect(formatMoneyRange(0, 15000, "eur")).toBe("Free – €150.00");
  });
});
