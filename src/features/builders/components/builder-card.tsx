import Link from "next/link";
import { TagList } from "./tag-list";
import type { BuilderListItem } from "@/trpc/types";
import { formatMoneyRange } from "@/core/money/money";

export function BuilderCard({ builder }: { builder: BuilderListItem }) {
  return (
    <article className="card builder-card">
      <h3 className="builder-card-title">
        <Link href={`/builders/${encodeURIComponent(builder.slug)}`}>{builder.displayName}</Link>
      </h3>
      <p className="builder-card-headline">{builder.headline}</p>
      <p className="builder-card-price">
        <span className="visually-hidden">Price: </span>
        {builder.minPriceCents === null || builder.maxPriceCents === null
          ? "No sessions listed"
          : formatMoneyRange(builder.minPriceCents, builder.maxPriceCents, builder.currency ?? "usd")}
      </p>
      <TagList tags={builder.tags} />
      <p className="muted small">Time zone: {builder.timeZone.replaceAll("_", " ")}</p>
    </article>
  );
}
