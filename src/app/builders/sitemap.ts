import type { MetadataRoute } from "next";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { countSitemapFiles, sitemapFileEntries } from "@/server/seo/sitemap";

// Sitemap files of at most 50,000 URLs at /builders/sitemap/<n>.xml, listed by /sitemap.xml.
export const dynamic = "force-dynamic";

export async function generateSitemaps(): Promise<{ id: number }[]> {
  // `next build` asks for the ids as well, with no database: file 0 always exists, and the
  // route asks again per request, so files added since the build are served too.
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return [{ id: 0 }];
  return Array.from({ length: await countSitemapFiles() }, (_, id) => ({ id }));
}

export default async function sitemap({ id }: { id: Promise<string> }): Promise<MetadataRoute.Sitemap> {
  return sitemapFileEntries(Number(await id));
}
