// Captures the SQL builder.list({ limit: 12 }) sends, through createDb's own SQL hook. The bare server then replays exactly
// these statements, parameters included: the first page of an unchanging data set is the
// same request every time, so verbatim replay is "the same SQL, the same round trips" by
// construction, and stays true when list-builders.ts changes its query.
import { createDb } from "../../src/server/db/client";
import { createContextInner } from "../../src/server/trpc/context";
import { createCaller } from "../../src/server/trpc/router";

export type Statement = { sql: string; params: unknown[] };

/** builder.list, first page of 12, as the client link sends it. */
export const LIST_PATH = "/api/trpc/builder.list?input=" + encodeURIComponent(JSON.stringify({ json: { limit: 12 } }));

export async function captureBuilderListSql(url: string, poolSize: number): Promise<Statement[]> {
  const statements: Statement[] = [];
  // The listing runs as plain SQL on the client's pool; onSql sees exactly what is sent.
  const db = createDb(url, { poolSize, onSql: (sql, params) => statements.push({ sql, params }) });
  try {
    await createCaller(createContextInner({ db })).builder.list({ limit: 12 });
    return statements;
  } finally {
    await db.$disconnect();
  }
}
