import { metrics } from "./metrics";

// Database query time per query kind, as DogStatsD distributions (booking.db.query_ms with a
// `query:<verb>:<table>` tag). Fed by Prisma's query events (src/server/db/client.ts), which
// the client subscribes to only with DD_TRACE_ENABLED: otherwise no event is even built.

const STATEMENT = /^\s*(select|insert|update|delete|with|begin|commit|rollback|savepoint|release)\b/i;
const TABLE = /\b(?:from|into|update)\s+(?:"?public"?\.)?"?([A-Za-z_][\w]*)"?/i;

/** A stable, low-cardinality label: the statement's verb and the first table it names. */
export function queryKind(sql: string): string {
  const verb = STATEMENT.exec(sql)?.[1]?.toLowerCase() ?? "other";
  if (verb === "begin" || verb === "commit" || verb === "rollback" || verb === "savepoint" || verb === "release")
    return `transaction:${verb}`;
  const table = TABLE.exec(sql)?.[1];
  return table ? `${verb}:${table}` : verb;
}

export function recordQueryTime(event: { query: string; duration: number }): void {
  metrics.distribution("booking.db.query_ms", event.duration, [`query:${queryKind(event.query)}`]);
}
