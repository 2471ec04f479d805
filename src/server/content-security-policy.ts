// The Content-Security-Policy every page is served with (set per request by src/proxy.ts).
// Scripts run only with the request's nonce (Next adds it to its own scripts when it finds the
// policy on the request); 'strict-dynamic' lets those load the chunks they import. Stripe
// Checkout and Calendly are full-page redirects, not embeds, so no third-party frame, script or
// form target is needed. See docs/decisions/0009-client-ip-and-csp.md.

export type CspOptions = {
  nonce: string;
  /** `next dev`: React's dev tooling needs eval, and the dev overlay injects styles. Never in production. */
  development: boolean;
  /** NEXT_PUBLIC_SENTRY_DSN: the browser SDK posts errors to its host; violations are reported there too. */
  sentryDsn?: string | undefined;
};

export function contentSecurityPolicy({ nonce, development, sentryDsn }: CspOptions): string {
  const sentry = sentryEndpoints(sentryDsn);
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    "style-src": development ? ["'self'", "'unsafe-inline'"] : ["'self'", `'nonce-${nonce}'`],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...(sentry ? [sentry.origin] : [])],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    ...(sentry ? { "report-uri": [sentry.securityReportUrl] } : {}),
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/** From a DSN `https://<key>@<host>/<project>`: the ingest origin and its CSP report endpoint. */
function sentryEndpoints(dsn: string | undefined): { origin: string; securityReportUrl: string } | null {
  if (!dsn || !URL.canParse(dsn)) return null;
  const url = new URL(dsn);
  const project = url.pathname.split("/").filter(Boolean).at(-1);
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  if (!url.username || !project) return null;
  return {
    origin: url.origin,
    securityReportUrl: `${url.origin}/api/${encodeURIComponent(project)}/security/?sentry_key=${encodeURIComponent(url.username)}`,
  };
}

/** 128 random bits, base64: unguessable and fresh for every response. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
