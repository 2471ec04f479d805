import type { MetadataRoute } from "next";
import { getEnv } from "@/server/env";

// Generated rather than a file in public/: the Sitemap line must be an absolute URL on the
// configured base URL. Private areas stay out of search results.
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  const baseUrl = getEnv().NEXT_PUBLIC_BASE_URL;
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/dashboard", "/bookings", "/admin", "/sign-in", "/sign-up"] },
    sitemap: new URL("/sitemap.xml", baseUrl).toString(),
  };
}
