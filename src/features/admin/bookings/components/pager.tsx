import Link from "next/link";

/** Previous / next links for an offset-paged console list, with where we are and the total. */
export function Pager({
  page,
  pageSize,
  total,
  noun,
  hrefFor,
}: {
  page: number;
  pageSize: number;
  total: number;
  noun: string;
  hrefFor: (page: number) => string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="admin-pager" aria-label="Pages">
      <p className="muted small">
        Page {page} of {pages} ({total} {noun})
      </p>
      {page > 1 ? <Link href={hrefFor(page - 1)}>Previous page</Link> : null}
      {page < pages ? <Link href={hrefFor(page + 1)}>Next page</Link> : null}
    </nav>
  );
}
