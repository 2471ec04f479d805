// Baseline: node:http + pg with no framework, running the same SQL as the app.
// builder.list: the statements the app issues for the first page (limit 12; captured by
// bench/lib/capture.ts, passed in BARE_STATEMENTS), answered with the same JSON envelope tRPC
// would (superjson output of plain objects is {"json": ...}), so both servers do the same
// database work and move the same bytes. The row-to-card step assumes the current query
// shape (one statement returning cards, see src/modules/builders/list-builders.ts); run.ts
// checks that both servers return identical responses, so a shape change shows up there.
// booking.create: a replay of the statements the app sent for one booking (bare-booking.ts).
import pg from "pg";
import type { BookingReplay } from "../lib/booking-capture";
import type { Statement } from "../lib/capture";
import { replayBookingCreate } from "./bare-booking";
import { requiredEnv, serveChild } from "./child";

const pool = new pg.Pool({ connectionString: requiredEnv("DATABASE_URL"), max: Number(requiredEnv("POOL_SIZE")) });
const statements = JSON.parse(requiredEnv("BARE_STATEMENTS")) as Statement[];
const booking = JSON.parse(requiredEnv("BARE_BOOKING")) as BookingReplay;
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
  return { status: 200, body: JSON.stringify({ result: { data: { json: { items, nextCursor } } } }) };
}

async function readBody(req: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString();
}

serveChild(
  (req, res) => {
    const answer = req.url?.startsWith("/api/trpc/builder.list")
      ? listBuilders()
      : req.url === "/api/trpc/booking.create" && req.method === "POST"
        ? readBody(req).then((body) => replayBookingCreate(pool, booking, body))
        : null;
    if (!answer) {
      res.writeHead(404).end();
      return;
    }
    answer.then(
      ({ status, body }) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(body);
      },
      (error: unknown) => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(String(error));
      },
    );
  },
  () => pool.end(),
);
