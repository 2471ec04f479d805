// Everything the load phases run against, on one seeded database: the Next server (with the
// SendGrid sandbox its workers send the confirmation emails to), signed-in clients, the SQL
// the app sends for builder.list and booking.create, and the two node:http servers: the bare
// baseline replaying that SQL, and the app's router alone.
import { isDeepStrictEqual } from "node:util";
import { startSendgridSandbox } from "@booking/provider-sandbox";
import type { PrismaClient } from "../../src/generated/prisma/client";
import { captureBookingCreate } from "./booking-capture";
import { captureBuilderListSql, LIST_PATH } from "./capture";
import { createClients } from "./clients";
import { freePort, nextServerEnv, startNextServer } from "./next-server";
import { bookingBuilderId, bookingTypeId, slotAllocator } from "./seed-bookings";
import { startServer } from "./servers";

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

export type BenchStack = Awaited<ReturnType<typeof startBenchStack>>;

export async function startBenchStack(opts: {
  db: PrismaClient;
  databaseUrl: string;
  poolSize: number;
  clients: number;
  log: (line: string) => void;
}) {
  const { db, databaseUrl, poolSize, log } = opts;
  const stops: (() => Promise<unknown>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    stops.length = 0;
  };
  try {
    const sendgrid = await startSendgridSandbox();
    stops.push(() => sendgrid.close());
    const env = nextServerEnv(databaseUrl, { SENDGRID_API_BASE: sendgrid.url, DATABASE_POOL_SIZE: String(poolSize) });
    const next = await startNextServer(env, await freePort());
    stops.push(() => next.stop());
    log(`Next: node dist/start.mjs (next start of the production build) on ${next.url}, RUN_WORKERS=${env.RUN_WORKERS ?? "true"}`);
    const clients = await createClients({
      databaseUrl,
      serverUrl: next.url,
      baseUrl: env.NEXT_PUBLIC_BASE_URL!,
      secret: env.BETTER_AUTH_SECRET!,
      count: opts.clients,
    });
    const cookieCache = clients[0]!.cookie.includes("session_data");
    log(`${clients.length} signed-in clients (checked by /api/auth/get-session; session cookie cache ${cookieCache ? "on" : "off"})`);

    const nextSlot = slotAllocator();
    const listSql = await captureBuilderListSql(databaseUrl, poolSize);
    const bookingReplay = await captureBookingCreate(db, databaseUrl, {
      clientId: clients[0]!.userId,
      sessionTypeId: bookingTypeId(0),
      builderId: bookingBuilderId(0),
      start: nextSlot(0),
    });
    const serverEnv = { DATABASE_URL: databaseUrl, POOL_SIZE: String(poolSize), NODE_ENV: "production" };
    const bare = await startServer("bare", {
      ...serverEnv,
      BARE_STATEMENTS: JSON.stringify(listSql),
      BARE_BOOKING: JSON.stringify(bookingReplay),
    });
    stops.push(() => bare.stop());
    const router = { ...(await startServer("trpc", serverEnv)), name: "router" };
    stops.push(() => router.stop());
    const [a, b, c] = await Promise.all([next, bare, router].map((s) => getJson(s.url + LIST_PATH)));
    const identical = isDeepStrictEqual(a, b) && isDeepStrictEqual(b, c);
    log(`builder.list: ${listSql.length} statement(s), replayed by bare; responses identical on all three: ${identical ? "yes" : "NO"}`);
    const { before, transaction, after } = bookingReplay;
    log(`booking.create: ${before.length} + BEGIN..COMMIT(${transaction.length}) + ${after.length} after the answer, replayed by bare`);
    return { env, sendgrid, next, bare, router, clients, cookieCache, nextSlot, listSql, bookingReplay, identical, stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
