"use client";

export default function RouteError({ error, retry }: { error: unknown; retry: () => void }) {
  const raw = error instanceof Error && "digest" in error ? (error as { digest?: unknown }).digest : undefined;
  const digest = typeof raw === "string" ? raw : "";
  return (
    <section className="card" role="alert" aria-labelledby="route-error-heading">
      <h1 id="route-error-heading">Something went wrong</h1>
      <p>This part of the page failed to load. You can try again.</p>
      {digest ? <p className="muted small">Reference: {digest}</p> : null}
      <button type="button" className="button" onClick={() => retry()}>
        Try again
      </button>
    </section>
  );
}
