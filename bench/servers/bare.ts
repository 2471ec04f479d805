// Baseline: node:http + pg replaying the statements Prisma issues for builder.list (first
// page, limit 12; captured by bench/lib/capture.ts, passed in BARE_STATEMENTS) and
// returning the same JSON envelope tRPC would (superjson output of plain objects is
// {"json": ...}), so both servers do the same database work and move the same bytes.
// The row-to-card step assumes the current query shape (one statement returning cards,
// see src/modules/builders/list-builders.ts); run.ts checks that both servers return
// identical responses, so a shape change shows up there.
import pg from "pg";
import type { Statement } from "../lib/capture";
import { requiredEnv, serveChild } from "./child";

const pool = new pg.Pool({ connectionString: requiredEnv("DATABASE_URL"), max: Number(requiredEnv("POOL_SIZE")) });
const statements = JSON.parse(requiredEnv("BARE_STATEMENTS")) as Statement[];
const LIMIT = 12;

type Card = { id: string; displayName: string };

async function listBuilders() {
  let rows: Card[] = [];
  // In order, each on whichever pooled connection is free, as Prisma's adapter does.
  for (const s of statements) rows = (await pool.query<Card>(s.sql, s.params)).rows;
  const items = rows.slice(0, LIMIT);
  const last = items.at(-1);
  // Keyset cursor, encoded as list-builders.ts does.
  const nextCursor =
    rows.length > LIMIT && last ? Buffer.from(JSON.stringify({ n: last.displayName, i: last.id })).toString("base64url") : null;
  return { items, nextCursor };
}

serveChild(
  (req, res) => {
    if (!req.url?.startsWith("/api/trpc/builder.list")) {
      res.writeHead(404).end();
      return;
    }
    listBuilders().then(
      (data) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ result: { data: { json: data } } }));
      },
      (error: unknown) => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(String(error));
      },
    );
  },
  () => pool.end(),
);
