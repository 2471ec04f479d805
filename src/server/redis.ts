import { Redis } from "ioredis";
import { getEnv } from "@/server/env";
import { logger } from "@/server/logger";

// The Redis connection that makes rate limits shared by every instance (REDIS_URL). Only
// created when REDIS_URL is set; without it nothing here runs (local, tests, one instance).

export type SharedRedis = {
  client: Redis;
  /** Settles (never rejects) when the first connection attempt is over, whatever its outcome. */
  firstAttempt: Promise<void>;
};

/**
 * A client tuned to fail fast: a dead or hung Redis must turn a mutation into a quick 503,
 * not a request that waits for it.
 * - enableOfflineQueue false: a command sent while disconnected rejects at once, instead of
 *   queueing until Redis returns.
 * - connectTimeout 2 s, commandTimeout 1 s: a black-holed host or a hung server reads as down.
 * - maxRetriesPerRequest 1; reconnection goes on in the background (every 2 s at most), so
 *   limits resume by themselves when Redis is back.
 * - protocol 2: nothing here needs RESP3, and RESP2 works with every Redis-compatible server.
 */
export function createSharedRedis(url: string, connectionName = "booking-marketplace"): SharedRedis {
  const client = new Redis(url, {
    connectTimeout: 2_000,
    commandTimeout: 1_000,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
    protocol: 2,
    connectionName,
  });
  const firstAttempt = new Promise<void>((resolve) => {
    client.once("ready", () => resolve());
    client.once("error", () => resolve());
    client.once("end", () => resolve());
  });
  logTransitions(client, url);
  return { client, firstAttempt };
}

/**
 * One line when Redis goes away and one when it is back: the client retries every 2 s and
 * emits an error each time, which must not flood the log.
 */
function logTransitions(client: Redis, url: string): void {
  const where = redactedAddress(url);
  let down = false;
  client.on("error", (error: Error) => {
    if (down) return;
    down = true;
    logger.error(
      { err: error, redis: where },
      "Redis is unreachable: shared rate limits are unavailable, mutations are refused (503) until it is back",
    );
  });
  client.on("ready", () => {
    if (down) logger.warn({ redis: where }, "Redis is reachable again: mutations are accepted");
    down = false;
  });
}

/** host:port/db only: REDIS_URL may carry a password. */
export function redactedAddress(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === "/" ? "" : parsed.pathname}`;
  } catch {
    return "(unparseable REDIS_URL)";
  }
}

/** True when the client can take commands now, after waiting out only its very first connection. */
export async function isRedisReady(shared: SharedRedis): Promise<boolean> {
  await shared.firstAttempt;
  return shared.client.status === "ready";
}

// On globalThis, not in module scope: Next bundles this module into more than one chunk
// (instrumentation, route handlers), and they must share one connection.
const globalForRedis = globalThis as unknown as { bookingRedis?: SharedRedis | null };

/** The process's Redis connection, or null when REDIS_URL is not set. */
export function getSharedRedis(): SharedRedis | null {
  if (globalForRedis.bookingRedis === undefined) {
    const url = getEnv().REDIS_URL;
    globalForRedis.bookingRedis = url ? createSharedRedis(url) : null;
    if (url) logger.info({ redis: redactedAddress(url) }, "rate limits are shared through Redis");
  }
  return globalForRedis.bookingRedis;
}

export type RedisHealth = "up" | "down" | "not configured";

/** PING with the client's own fail-fast options; never throws. */
export async function checkRedis(shared?: SharedRedis | null): Promise<RedisHealth> {
  try {
    const redis = shared === undefined ? getSharedRedis() : shared;
    if (!redis) return "not configured";
    if (!(await isRedisReady(redis))) return "down";
    return (await redis.client.ping()) === "PONG" ? "up" : "down";
  } catch {
    return "down";
  }
}

/** Tests point the process at another Redis (or none), closing the previous connection. */
export function resetSharedRedisForTests(): void {
  globalForRedis.bookingRedis?.client.disconnect();
  globalForRedis.bookingRedis = undefined;
}
