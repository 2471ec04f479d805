// booking.create through the app's router in this process (createCaller: no HTTP, no Next,
// no session read), sequentially, on a quiet machine: its latency and CPU per call, to
// split the Next server's cost per booking into Next's part and the router + Prisma part.
import type { PrismaClient } from "../../src/generated/prisma/client";
import { stopBoss } from "../../src/server/jobs/boss";
import { createContextInner } from "../../src/server/trpc/context";
import { createCaller } from "../../src/server/trpc/router";
import { BOOKING_BUILDERS, bookingTypeId } from "./seed-bookings";
import { summarize, type Latency } from "./stats";

export type InProcessBooking = Latency & { calls: number; cpuUsPerCall: number };

/** Needs the process's database and job queue pointed at `db` (captureBookingCreate does that). */
export async function bookingInProcess(
  db: PrismaClient,
  clientId: string,
  nextSlot: (builder: number) => Date,
  calls = 100,
): Promise<InProcessBooking> {
  const builder = BOOKING_BUILDERS - 1; // no load connection books there
  const caller = createCaller(createContextInner({ db, userId: clientId }));
  const book = () => caller.booking.create({ sessionTypeId: bookingTypeId(builder), startTime: nextSlot(builder) });
  try {
    for (let i = 0; i < 20; i++) await book();
    const latencies: number[] = [];
    const before = process.cpuUsage();
    for (let i = 0; i < calls; i++) {
      const start = performance.now();
      await book();
      latencies.push(performance.now() - start);
    }
    const used = process.cpuUsage(before);
    return { ...summarize(latencies), calls, cpuUsPerCall: (used.user + used.system) / calls };
  } finally {
    await stopBoss();
  }
}
