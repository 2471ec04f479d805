// The sitemap is split into files of at most 50,000 URLs (the sitemaps.org limit). The
// marketplace home is the first entry of the first file, builders fill the rest in order.

export const SITEMAP_MAX_URLS = 50_000;

/** How many sitemap files hold the home page plus `builderCount` profiles. */
export function sitemapFileCount(builderCount: number, maxUrls = SITEMAP_MAX_URLS): number {
  return Math.max(1, Math.ceil((builderCount + 1) / maxUrls));
}

/** Which builders (in listing order) file `index` holds, and whether it starts with the home page. */
export function sitemapFileRange(index: number, maxUrls = SITEMAP_MAX_URLS): { withHome: boolean; skip: number; take: number } {
  if (index === 0) return { withHome: true, skip: 0, take: maxUrls - 1 };
  return { withHome: false, skip: index * maxUrls - 1, take: maxUrls };
}
