import type { PrismaClient } from "@/generated/prisma/client";
import { leverValues, readLevers, type LeverValues } from "@/modules/levers/read-levers";
import { getEnv } from "@/server/env";
import { logger } from "@/server/logger";

/**
 * How long an instance trusts the levers it read. With at most this much staleness per
 * instance, a change reaches every instance within 10 seconds (the promise in
 * docs/decisions/0021-runtime-levers.md), at one small query per instance per TTL.
 */
export const LEVER_TTL_MS = 2_000;

/** The environment variables of the same names: in effect while no operator has set a lever. */
export function leverDefaults(): LeverValues {
  const env = getEnv();
  return {
    WEBHOOKS_PAUSED: env.WEBHOOKS_PAUSED,
    EMAIL_SENDING_PAUSED: env.EMAIL_SENDING_PAUSED,
    BOOKINGS_CLOSED: env.BOOKINGS_CLOSED,
    MANUAL_BOOKING_MODE: env.MANUAL_BOOKING_MODE,
  };
}

type Entry = { values: LeverValues; readAt: number } | undefined;
// One entry per client (one per process in production; tests may run two "processes").
const caches = new WeakMap<PrismaClient, { entry: Entry; loading?: Promise<LeverValues> }>();

/**
 * The levers in effect, read at most once per LEVER_TTL_MS per process (concurrent callers
 * share one read). If a refresh fails, the last values read are used until it works again;
 * with none yet, the error is thrown (the caller's job retries).
 */
export async function currentLevers(db: PrismaClient, { ttlMs = LEVER_TTL_MS }: { ttlMs?: number } = {}): Promise<LeverValues> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = { entry: undefined }));
  const { entry } = cache;
  if (entry && Date.now() - entry.readAt < ttlMs) return entry.values;
  const state = cache;
  state.loading ??= readLevers(db, { defaults: leverDefaults() })
    .then((levers) => {
      state.entry = { values: leverValues(levers), readAt: Date.now() };
      return state.entry.values;
    })
    .catch((error: unknown) => {
      if (!state.entry) throw error;
      logger.warn({ err: error }, "levers not re-read; using the last values read");
      return state.entry.values;
    })
    .finally(() => (state.loading = undefined));
  return state.loading;
}

/** After this process changed a lever: its next read goes to the database. */
export function forgetLevers(db: PrismaClient): void {
  caches.delete(db);
}
