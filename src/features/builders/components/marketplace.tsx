"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTRPC } from "@/trpc/client";
import { amountToCents } from "@/core/money/money";
import { BuilderCard } from "./builder-card";
import { MarketplaceFilters, type MarketplaceFilterValues } from "./marketplace-filters";
import { ErrorNotice, Loading } from "@/components/status";

const PAGE_SIZE = 12;

export function Marketplace() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();

  const filters: MarketplaceFilterValues = {
    q: params.get("q") ?? "",
    tag: params.get("tag") ?? "",
    min: params.get("min") ?? "",
    max: params.get("max") ?? "",
  };

  const input = {
    q: filters.q.trim() || undefined,
    tag: filters.tag.trim() || undefined,
    minPriceCents: amountToCents(filters.min),
    maxPriceCents: amountToCents(filters.max),
    limit: PAGE_SIZE,
  };

  const query = useInfiniteQuery(
    trpc.builder.list.infiniteQueryOptions(input, {
      getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    }),
  );

  function apply(values: MarketplaceFilterValues) {
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(values)) {
      if (value.trim() !== "") next.set(key, value.trim());
    }
    const qs = next.toString();
    router.push(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  }

  const builders = query.data?.pages.flatMap((page) => page.items) ?? [];
  const filterKey = params.toString();

  return (
    <div className="marketplace">
      <MarketplaceFilters key={filterKey} initial={filters} onApply={apply} onClear={() => router.push(pathname, { scroll: false })} />
      <section aria-labelledby="results-heading" className="results">
        <h2 id="results-heading" className="visually-hidden">
          Results
        </h2>
        {query.isPending ? (
          <Loading label="Loading builders…" />
        ) : query.isError && !query.data ? (
          <ErrorNotice error={query.error} title="Could not load builders." onRetry={() => void query.refetch()} />
        ) : (
          <>
            <p className="muted" role="status" aria-live="polite">
              {builders.length === 0
                ? "No builders match these filters."
                : `Showing ${builders.length} builder${builders.length === 1 ? "" : "s"}${query.hasNextPage ? " (more available)" : ""}.`}
            </p>
            <ul className="builder-grid">
              {builders.map((builder) => (
                <li key={builder.id}>
                  <BuilderCard builder={builder} />
                </li>
              ))}
            </ul>
            {query.isFetchNextPageError ? <ErrorNotice error={query.error} title="Could not load more builders." /> : null}
            {query.hasNextPage ? (
              <button
                type="button"
                className="button button-secondary load-more"
                onClick={() => void query.fetchNextPage()}
                disabled={query.isFetchingNextPage}
              >
                {query.isFetchingNextPage ? "Loading more…" : "Load more"}
              </button>
            ) : null}
          </>
        )}
      </section>
    </div>
  );
}
