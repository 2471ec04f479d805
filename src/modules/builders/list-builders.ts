import { AppError } from "@/core/errors";
import { hasForbiddenCharacters } from "@/core/validation/fields";
import type { SqlReader } from "@/modules/shared/sql-reader";

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

// The marketplace's hottest query, written as one statement: each builder's price range
// comes from a LATERAL aggregate instead of loading every session type, and it runs as
// plain SQL on Prisma's own pool (the benchmark in bench/ measured the ORM forms at three
// and two times the CPU of the query itself). Every value is a bound parameter.
// Keyset pagination on (displayName, id) keeps deep pages as cheap as the first.

type Cursor = { n: string; i: string };

export function encodeCursor(card: Pick<BuilderCard, "displayName" | "id">): string {
  return Buffer.from(JSON.stringify({ n: card.displayName, i: card.id } satisfies Cursor)).toString("base64url");
}

function decodeCursor(cursor: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Partial<Cursor>;
    // The cursor is client-supplied: its fields become query parameters, so they get the same checks as text input.
    const { n, i } = value;
    if (typeof n === "string" && typeof i === "string" && n.length <= 200 && i.length <= 64 && !hasForbiddenCharacters(n + i)) {
      return { n, i };
    }
  } catch {
    // fall through
  }
  throw new AppError("VALIDATION", "Invalid cursor: pass back the nextCursor of the previous page");
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The statement for one page: exported so the benchmark's bare server runs exactly this SQL. */
export function builderListQuery(input: ListBuildersInput): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const param = (value: unknown) => `$${values.push(value)}`;
  // Listed means published with something to book: a profile whose session types are all
  // archived stays reachable by its URL but is left out (EXISTS stops at the first active
  // type, found through the (builderId, active) index).
  const filters = ['b.published AND EXISTS (SELECT 1 FROM "SessionType" a WHERE a."builderId" = b.id AND a.active)'];
  const q = input.q?.trim();
  if (input.tag) filters.push(`b.tags @> ARRAY[${param(input.tag.toLowerCase())}]::text[]`);
  if (q) {
    const pattern = param(likePattern(q));
    filters.push(
      `(b."displayName" ILIKE ${pattern} OR b.headline ILIKE ${pattern} OR b.bio ILIKE ${pattern} OR b.tags @> ARRAY[${param(q.toLowerCase())}]::text[])`,
    );
  }
  if (input.minPriceCents !== undefined || input.maxPriceCents !== undefined) {
    filters.push(`EXISTS (SELECT 1 FROM "SessionType" f WHERE f."builderId" = b.id AND f.active
      AND f."priceCents" >= ${param(input.minPriceCents ?? 0)} AND f."priceCents" <= ${param(input.maxPriceCents ?? 2147483647)})`);
  }
  if (input.cursor) {
    const { n, i } = decodeCursor(input.cursor);
    filters.push(`(b."displayName", b.id) > (${param(n)}, ${param(i)})`);
  }
  const text = `SELECT b.id, b.slug, b."displayName", b.headline, b.tags, b."timeZone",
       p."minPriceCents", p."maxPriceCents", p.currency
  FROM "BuilderProfile" b
  LEFT JOIN LATERAL (
    SELECT min(s."priceCents")::int AS "minPriceCents", max(s."priceCents")::int AS "maxPriceCents", min(s.currency) AS currency
      FROM "SessionType" s WHERE s."builderId" = b.id AND s.active
  ) p ON true
 WHERE ${filters.join(" AND ")}
 ORDER BY b."displayName", b.id
 LIMIT ${param(input.limit + 1)}`;
  return { text, values };
}

export async function listBuilders(
  read: SqlReader,
  input: ListBuildersInput,
): Promise<{ items: BuilderCard[]; nextCursor: string | null }> {
  const { text, values } = builderListQuery(input);
  const rows = await read<BuilderCard>(text, values);
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null };
}
