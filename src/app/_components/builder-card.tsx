import Link from "next/link";
import type { BuilderListItem } from "@/trpc/types";
import { formatPriceRange } from "../_lib/money";

export function BuilderCard({ builder }: { builder: BuilderListItem }) {
  return (
    <article className="card builder-card">
      <h3 className="builder-card-title">
        <Link href={`/builders/${encodeURIComponent(builder.slug)}`}>{builder.displayName}</Link>
      </h3>
      <p className="builder-card-headline">{builder.headline}</p>
      <p className="builder-card-price">
        <span className="visually-hidden">Price: </span>
        {formatPriceRange(builder.minPriceCents, builder.maxPriceCents, builder.currency)}
      </p>
      {builder.tags.length > 0 ? (
        <ul className="tag-list">
          {builder.tags.map((tag) => (
            <li key={tag}>
              <Link className="tag" href={`/?tag=${encodeURIComponent(tag)}`}>
                {tag}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="muted small">Time zone: {builder.timeZone.replaceAll("_", " ")}</p>
    </article>
  );
}
