import { describe, expect, it } from "vitest";
import { sitemapFileCount, sitemapFileRange } from "./sitemap-pages";

describe("sitemap files", () => {
  it("holds everything in one file up to the limit, home page included", () => {
    expect(sitemapFileCount(0)).toBe(1);
    expect(sitemapFileCount(49_999)).toBe(1);
    expect(sitemapFileCount(50_000)).toBe(2);
    expect(sitemapFileCount(149_999)).toBe(3);
  });

  it("covers every builder exactly once across files, never more than the limit per file", () => {
    const max = 4;
    const builders = 13;
    const seen: number[] = [];
    for (let i = 0; i < sitemapFileCount(builders, max); i++) {
      const { withHome, skip, take } = sitemapFileRange(i, max);
      const slice = Array.from({ length: take }, (_, k) => skip + k).filter((n) => n < builders);
      expect(slice.length + (withHome ? 1 : 0)).toBeLessThanOrEqual(max);
      expect(withHome).toBe(i === 0);
      seen.push(...slice);
    }
    expect(seen).toEqual(Array.from({ length: builders }, (_, k) => k));
  });
});
