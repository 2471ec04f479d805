// slot.list for the busy builder: 31 local days, 500 confirmed bookings in range. Over HTTP
// under load (run.ts), and here, sequentially in process, three ways so a miss can be
// attributed: the whole procedure through the router (createCaller: input/output validation
// + use-case), the database part alone (loadSlotContext: the five queries), and the pure
// engine alone (computeSlots).
import { DateTime } from "luxon";
import type { PrismaClient } from "../../src/generated/prisma/client";
import { computeSlots } from "../../src/core/slots/compute-slots";
import { localDateRangeToUtc } from "../../src/core/time/local-date-range";
import { loadSlotContext } from "../../src/modules/slots/load-slot-context";
import { createContextInner } from "../../src/server/trpc/context";
import { createCaller } from "../../src/server/trpc/router";
import { SLOT_DAYS, SLOT_SESSION_TYPE_ID, SLOT_ZONE } from "./seed";
import { summarize, type Latency } from "./stats";

export type SlotBench = {
  calls: number;
  slots: number;
  router: Latency;
  dbLoad: Latency;
  engine: Latency;
  input: SlotInput;
};
type SlotInput = { sessionTypeId: string; startDate: string; endDate: string; timeZone: string };

async function time(calls: number, warmup: number, fn: () => unknown): Promise<Latency> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

/** The seed books the 31 local days starting tomorrow in the builder's zone. */
export function slotInput(): SlotInput {
  const first = DateTime.now().setZone(SLOT_ZONE).plus({ days: 1 });
  return {
    sessionTypeId: SLOT_SESSION_TYPE_ID,
    startDate: first.toISODate()!,
    endDate: first.plus({ days: SLOT_DAYS - 1 }).toISODate()!,
    timeZone: SLOT_ZONE,
  };
}

export const slotPath = (input: SlotInput) => `/api/trpc/slot.list?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

export async function benchSlots(db: PrismaClient, calls = 200, warmup = 20): Promise<SlotBench> {
  const input = slotInput();
  const caller = createCaller(createContextInner({ db }));
  const { slots } = await caller.slot.list(input);

  const range = localDateRangeToUtc(input.startDate, input.endDate, input.timeZone);
  const load = () => loadSlotContext(db, { sessionTypeId: input.sessionTypeId, now: new Date(), from: range.start, to: range.end });
  const { query } = await load();

  return {
    calls,
    slots: slots.length,
    input,
    router: await time(calls, warmup, () => caller.slot.list(input)),
    dbLoad: await time(calls, warmup, load),
    engine: await time(calls, warmup, () => computeSlots({ ...query, now: new Date() })),
  };
}
