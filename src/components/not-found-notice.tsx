import Link from "next/link";

export function NotFoundNotice({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <section className="card empty-state" aria-labelledby="not-found-heading">
      <h1 id="not-found-heading">{title}</h1>
      {children ?? <p>It may have been removed, or the link may be wrong.</p>}
      <p>
        <Link href="/">Browse the marketplace</Link>
      </p>
    </section>
  );
}
