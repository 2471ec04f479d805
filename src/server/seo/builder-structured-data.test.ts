import { describe, expect, it } from "vitest";
import { builderStructuredData, decimalPrice, jsonLdScriptContent } from "./builder-structured-data";

const profile = {
  slug: "ada-lovelace",
  displayName: "Ada Lovelace",
  headline: "Algorithms and analytical engines",
  tags: ["algorithms"],
  sessionTypes: [
    { id: "st_free", title: "Intro call", description: "", durationMinutes: 30, priceCents: 0, currency: "usd" },
    {
      id: "st_paid",
      title: "Architecture review",
      description: "Bring a diagram",
      durationMinutes: 60,
      priceCents: 15000,
      currency: "eur",
    },
  ],
};

describe("builder structured data", () => {
  it("is a schema.org Person with one Offer per session type, priced in the session's currency", () => {
    const data = builderStructuredData(profile, "https://www.buildappswith.com");
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Person",
      name: "Ada Lovelace",
      description: "Algorithms and analytical engines",
      url: "https://www.buildappswith.com/builders/ada-lovelace",
      knowsAbout: ["algorithms"],
    });
    expect(data.makesOffer).toEqual([
      expect.objectContaining({
        "@type": "Offer",
        name: "Intro call",
        price: "0.00",
        priceCurrency: "USD",
        url: "https://www.buildappswith.com/builders/ada-lovelace/book/st_free",
        itemOffered: { "@type": "Service", name: "Intro call", duration: "PT30M" },
      }),
      expect.objectContaining({
        price: "150.00",
        priceCurrency: "EUR",
        itemOffered: { "@type": "Service", name: "Architecture review", description: "Bring a diagram", duration: "PT60M" },
      }),
    ]);
  });

  it("uses the currency's own minor unit", () => {
    expect(decimalPrice(15000, "usd")).toBe("150.00");
    expect(decimalPrice(1500, "jpy")).toBe("1500");
  });

  it("cannot be closed early by profile text", () => {
    const hostile = { ...profile, headline: "</script><script>alert(1)</script>" };
    const content = jsonLdScriptContent(builderStructuredData(hostile, "https://x.test"));
    expect(content).not.toContain("<");
    expect(JSON.parse(content)).toMatchObject({ description: hostile.headline });
  });
});
