import type { Tx } from "@/modules/shared/tx";

// "Listed" builders are the ones a search engine should find: published, with at least one
// active session type (a profile with nothing to book is not worth a visit).
const listedWhere = { published: true, sessionTypes: { some: { active: true } } } as const;

export type ListedBuilder = { slug: string; lastModified: Date };

export async function countListedBuilders(tx: Tx): Promise<number> {
  return tx.builderProfile.count({ where: listedWhere });
}

/** One page of listed builders in a stable order; lastModified covers the profile and its active types. */
export async function listListedBuilders(tx: Tx, page: { skip: number; take: number }): Promise<ListedBuilder[]> {
  if (page.take <= 0) return [];
  const rows = await tx.builderProfile.findMany({
    where: listedWhere,
    orderBy: { id: "asc" },
    skip: page.skip,
    take: page.take,
    select: {
      slug: true,
      updatedAt: true,
      sessionTypes: { where: { active: true }, orderBy: { updatedAt: "desc" }, take: 1, select: { updatedAt: true } },
    },
  });
  return rows.map((row) => {
    const typeChanged = row.sessionTypes[0]?.updatedAt;
    return { slug: row.slug, lastModified: typeChanged && typeChanged > row.updatedAt ? typeChanged : row.updatedAt };
  });
}
