"use client";

/** Replaces the root layout when it fails, so it renders its own document and inline styles. */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const raw = error instanceof Error && "digest" in error ? (error as { digest?: unknown }).digest : undefined;
  const digest = typeof raw === "string" ? raw : "";
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", margin: 0, padding: "3rem 1.5rem", color: "#1b1f24", background: "#f7f7f8" }}>
        <title>Something went wrong · Builder Bookings</title>
        <main style={{ maxWidth: "36rem", margin: "0 auto" }} role="alert" aria-labelledby="global-error-heading">
          <h1 id="global-error-heading">Something went wrong</h1>
          <p>Sorry — the page could not be displayed. Please try again in a moment.</p>
          {digest ? <p style={{ color: "#57606a", fontSize: "0.875rem" }}>Reference: {digest}</p> : null}
          <div style={{ display: "flex", gap: "0.75rem", marginTop: "1.5rem" }}>
            <button
              type="button"
              onClick={() => retry()}
              style={{
                padding: "0.6rem 1.1rem",
                borderRadius: "0.5rem",
                border: "none",
                background: "#2d5bd7",
                color: "#fff",
                fontSize: "1rem",
                cursor: "pointer",
              }}
            >
              Try again
            </button>
            {/* A plain anchor: the app router may be unavailable here. */}
            <a href="/" style={{ padding: "0.6rem 1.1rem", color: "#2d5bd7" }}>
              Go to the marketplace
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
