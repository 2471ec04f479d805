import { sitemapIndexXml } from "@/server/seo/sitemap";

// The sitemap index search engines are pointed at (robots.txt): one entry per sitemap file.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return new Response(await sitemapIndexXml(), {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=0, must-revalidate" },
  });
}
