// booking.create, signed in, through HTTP. The burst: `calls` clients at the same moment on
// `slots` free slots of one builder; exactly one booking per slot may succeed and every
// other call must be answered 409, checked in the answers and in the database. The load:
// closed-loop bookings at N connections, each connection on a builder of its own and on a
// fresh slot every time (all succeed), against the Next server and the bare replay.
import superjson from "superjson";
import type { PrismaClient } from "../../src/generated/prisma/client";
import type { Target } from "./ab-load";
import { keepCookies, type Client } from "./clients";
import { runBurst, type Call, type CallFor } from "./load";
import { bookingBuilderId, bookingTypeId } from "./seed-bookings";
import { summarize, type Latency } from "./stats";

export const BOOKING_PATH = "/api/trpc/booking.create";

export function bookingCall(client: Client, builder: number, start: Date): Call {
  return {
    method: "POST",
    path: BOOKING_PATH,
    headers: {
      "content-type": "application/json",
      "accept-encoding": "gzip, deflate, br",
      cookie: client.cookie,
      "x-forwarded-for": client.ip,
    },
    body: JSON.stringify(superjson.serialize({ sessionTypeId: bookingTypeId(builder), startTime: start })),
  };
}

export type BurstRun = {
  statuses: Record<string, number>;
  latency: Latency;
  /** Latency of the successful calls and of the refused ones. */
  ok: Latency;
  conflict: Latency;
  bookingsInDb: number;
  correct: boolean;
  /** A sample of any answer that was neither 200 nor 409. */
  unexpected: string | null;
};

/** One burst on builder 0: call i books slot i mod slots.length, from client i. */
export async function bookingBurst(target: Target, db: PrismaClient, clients: Client[], slots: Date[], calls: number): Promise<BurstRun> {
  const planned = Array.from({ length: calls }, (_, i) => ({ client: clients[i % clients.length]!, slot: slots[i % slots.length]! }));
  const answers = await runBurst(
    target.url,
    planned.map((p) => bookingCall(p.client, 0, p.slot)),
  );
  answers.forEach((answer, i) => keepCookies(planned[i]!.client, answer.headers["set-cookie"]));
  const statuses: Record<string, number> = {};
  for (const a of answers) statuses[a.status || "socket"] = (statuses[a.status || "socket"] ?? 0) + 1;
  const [{ n }] = await db.$queryRaw<[{ n: number }]>`
    SELECT count(*)::int AS n FROM "Booking"
     WHERE "builderId" = ${bookingBuilderId(0)} AND "startTime" = ANY(${slots}::timestamptz[]) AND status IN ('PENDING', 'CONFIRMED')`;
  const odd = answers.find((a) => a.status !== 200 && a.status !== 409);
  const latency = (status?: number) => summarize(answers.filter((a) => status === undefined || a.status === status).map((a) => a.ms));
  return {
    statuses,
    latency: latency(),
    ok: latency(200),
    conflict: latency(409),
    bookingsInDb: n,
    correct: statuses["200"] === slots.length && statuses["409"] === calls - slots.length && n === slots.length,
    unexpected: odd ? `HTTP ${odd.status} ${odd.body.slice(0, 300)}` : null,
  };
}

/** Connection c books on builder 1 + c, always a slot no one has taken. */
export function bookingLoadCall(clients: Client[], nextSlot: (builder: number) => Date): CallFor {
  return (connection) => bookingCall(clients[connection]!, 1 + connection, nextSlot(1 + connection));
}
