import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, createNonce } from "@/server/content-security-policy";

// Next 16's request proxy (formerly middleware). It lives beside `app` (here src/), where Next
// looks for it. One job: a fresh nonce and the Content-Security-Policy for every page. Next reads
// the nonce from the policy on the request and puts it on its own scripts, so pages render per
// request (src/app/layout.tsx). The other security headers are static (next.config.js).
export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy({
    nonce: createNonce(),
    development: process.env.NODE_ENV === "development",
    // A build-time public value, the same one the browser SDK was built with (sentry.client.config.ts).
    sentryDsn: process.env.NEXT_PUBLIC_SENTRY_DSN,
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not /api (JSON; webhooks must reach their handlers byte for byte), not
      // build assets, public files or metadata files (icons, manifest, robots, sitemap), not
      // next/link prefetches (no HTML in them).
      source: "/((?!api/|api$|_next/static/|_next/image|.*\\.(?:ico|png|svg|jpg|webp|webmanifest|txt|xml)$).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
