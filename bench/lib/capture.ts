// Captures the SQL Prisma sends for builder.list({ limit: 12 }) with a client built like
// createDb's (same adapter) plus query-event logging. The bare server then replays exactly
// these statements, parameters included: the first page of an unchanging data set is the
// same request every time, so verbatim replay is "the same SQL, the same round trips" by
// construction, and stays true when list-builders.ts changes its query.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../src/generated/prisma/client";
import { createContextInner } from "../../src/server/trpc/context";
import { createCaller } from "../../src/server/trpc/router";

export type Statement = { sql: string; params: unknown[] };

export async function captureBuilderListSql(url: string, poolSize: number): Promise<Statement[]> {
  const db = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: poolSize }),
    log: [{ emit: "event", level: "query" }],
  });
  const statements: Statement[] = [];
  db.$on("query", (e) => statements.push({ sql: e.query, params: JSON.parse(e.params) as unknown[] }));
  try {
    await createCaller(createContextInner({ db })).builder.list({ limit: 12 });
    return statements;
  } finally {
    await db.$disconnect();
  }
}
