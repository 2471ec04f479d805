"use client";

import "./globals.css";

/**
 * Replaces the root layout when it fails, so it renders its own document. Styled by the
 * stylesheet, not inline styles: the Content-Security-Policy refuses style attributes.
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const raw = error instanceof Error && "digest" in error ? (error as { digest?: unknown }).digest : undefined;
  const digest = typeof raw === "string" ? raw : "";
  return (
    <html lang="en">
      <body>
        <title>Something went wrong · Builder Bookings</title>
        <main className="container narrow stack" role="alert" aria-labelledby="global-error-heading">
          <h1 id="global-error-heading">Something went wrong</h1>
          <p>Sorry — the page could not be displayed. Please try again in a moment.</p>
          {digest ? <p className="muted small">Reference: {digest}</p> : null}
          <div className="button-row">
            <button type="button" className="button" onClick={() => retry()}>
              Try again
            </button>
            {/* A plain anchor: the app router may be unavailable here. */}
            <a href="/" className="button button-secondary">
              Go to the marketplace
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
