import { describe, expect, it } from "vitest";
import { priceRangeLabel } from "./price-range";

describe("price range label", () => {
  it("reads as free, one price or a range", () => {
    expect(priceRangeLabel([])).toBeNull();
    expect(priceRangeLabel([{ priceCents: 0, currency: "usd" }])).toBe("Free");
    expect(priceRangeLabel([{ priceCents: 15000, currency: "usd" }])).toBe("$150.00");
    expect(
      priceRangeLabel([
        { priceCents: 0, currency: "usd" },
        { priceCents: 15000, currency: "usd" },
      ]),
    ).toBe("Free – $150.00");
  });

  it("does not mix currencies in one range", () => {
    expect(
      priceRangeLabel([
        { priceCents: 5000, currency: "eur" },
        { priceCents: 90000, currency: "usd" },
      ]),
    ).toBe("€50.00");
  });
});
