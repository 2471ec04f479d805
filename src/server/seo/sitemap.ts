import "server-only";
import type { MetadataRoute } from "next";
import { countListedBuilders, listListedBuilders } from "@/modules/builders/list-listed-builders";
import { getDb } from "@/server/db/client";
import { getEnv } from "@/server/env";
import { profileUrl } from "./builder-structured-data";
import { sitemapFileCount, sitemapFileRange } from "./sitemap-pages";

/** The path of sitemap file `index` (Next serves `src/app/builders/sitemap.ts` there). */
export const sitemapFilePath = (index: number) => `/builders/sitemap/${index}.xml`;

export async function countSitemapFiles(): Promise<number> {
  return sitemapFileCount(await countListedBuilders(getDb()));
}

/** The marketplace (first file only) and one page of listed builder profiles. */
export async function sitemapFileEntries(index: number): Promise<MetadataRoute.Sitemap> {
  const baseUrl = getEnv().NEXT_PUBLIC_BASE_URL;
  const { withHome, skip, take } = sitemapFileRange(index);
  const builders = await listListedBuilders(getDb(), { skip, take });
  const profiles = builders.map((b) => ({ url: profileUrl(baseUrl, b.slug), lastModified: b.lastModified }));
  if (!withHome) return profiles;
  const newest = builders.reduce<Date | undefined>((max, b) => (!max || b.lastModified > max ? b.lastModified : max), undefined);
  return [{ url: new URL("/", baseUrl).toString(), ...(newest ? { lastModified: newest } : {}) }, ...profiles];
}

/** A sitemaps.org index of the sitemap files (what /sitemap.xml answers). */
export async function sitemapIndexXml(): Promise<string> {
  const baseUrl = getEnv().NEXT_PUBLIC_BASE_URL;
  const files = await countSitemapFiles();
  const entries = Array.from(
    { length: files },
    (_, i) => `<sitemap><loc>${escapeXml(new URL(sitemapFilePath(i), baseUrl).toString())}</loc></sitemap>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</sitemapindex>\n`;
}

function escapeXml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}
