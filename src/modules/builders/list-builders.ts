import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/server/db/client";

export type ListBuildersInput = {
  q?: string | undefined;
  tag?: string | undefined;
  minPriceCents?: number | undefined;
  maxPriceCents?: number | undefined;
  cursor?: string | undefined;
  limit: number;
};

export type BuilderCard = {
  id: string;
  slug: string;
  displayName: string;
  headline: string;
  tags: string[];
  timeZone: string;
  minPriceCents: number | null;
  maxPriceCents: number | null;
  currency: string | null;
};

/** Published builders, ordered by name then id so the cursor is stable. */
export async function listBuilders(
  tx: Tx,
  input: ListBuildersInput,
): Promise<{ items: BuilderCard[]; nextCursor: string | null }> {
  const priceFilter: Prisma.IntFilter = {};
  if (input.minPriceCents !== undefined) priceFilter.gte = input.minPriceCents;
  if (input.maxPriceCents !== undefined) priceFilter.lte = input.maxPriceCents;
  const hasPriceFilter = Object.keys(priceFilter).length > 0;
  const q = input.q?.trim();

  const where: Prisma.BuilderProfileWhereInput = {
    published: true,
    ...(input.tag ? { tags: { has: input.tag.toLowerCase() } } : {}),
    ...(q
      ? {
          OR: [
            { displayName: { contains: q, mode: "insensitive" } },
            { headline: { contains: q, mode: "insensitive" } },
            { bio: { contains: q, mode: "insensitive" } },
            { tags: { has: q.toLowerCase() } },
          ],
        }
      : {}),
    ...(hasPriceFilter ? { sessionTypes: { some: { active: true, priceCents: priceFilter } } } : {}),
  };

  const rows = await tx.builderProfile.findMany({
    where,
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      slug: true,
      displayName: true,
      headline: true,
      tags: true,
      timeZone: true,
      sessionTypes: { where: { active: true }, select: { priceCents: true, currency: true } },
    },
  });

  const page = rows.slice(0, input.limit);
  return {
    items: page.map(({ sessionTypes, ...builder }) => {
      const prices = sessionTypes.map((s) => s.priceCents);
      return {
        ...builder,
        minPriceCents: prices.length ? Math.min(...prices) : null,
        maxPriceCents: prices.length ? Math.max(...prices) : null,
        currency: sessionTypes[0]?.currency ?? null,
      };
    }),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
