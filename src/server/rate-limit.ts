import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "@/core/errors";
import { getEnv } from "@/server/env";
import { logger } from "@/server/logger";
import { getSharedRedis, isRedisReady, type SharedRedis } from "@/server/redis";

// Mutations spend from a per-client budget (see docs/decisions/0004-rate-limiting.md).
// With REDIS_URL the budget lives in Redis and is shared by every instance; without it, in
// this process's memory (one instance, local, tests). A Redis that cannot be reached fails
// closed: the write is refused with a 503, never let through on a per-process budget.

export type RateLimiter = {
  readonly shared: boolean;
  /** Throws AppError RATE_LIMITED (429) when the budget is spent, RATE_LIMIT_UNAVAILABLE (503) when it cannot be checked. */
  consume(key: string): Promise<void>;
};

const WINDOW_SECONDS = 60;

export const RATE_LIMIT_UNAVAILABLE_MESSAGE = "Rate limiting is unavailable right now, so changes are paused; please try again in a moment";

function rateLimited(res: RateLimiterRes): AppError {
  const seconds = Math.ceil(res.msBeforeNext / 1000);
  return new AppError("RATE_LIMITED", `Too many requests; try again in ${seconds} s`);
}

export function createMemoryRateLimiter(points: number): RateLimiter {
  const limiter = new RateLimiterMemory({ points, duration: WINDOW_SECONDS });
  return {
    shared: false,
    async consume(key) {
      try {
        await limiter.consume(key);
      } catch (error) {
        if (error instanceof RateLimiterRes) throw rateLimited(error);
        throw error;
      }
    },
  };
}

export function createRedisRateLimiter({
  redis,
  points,
  keyPrefix,
}: {
  redis: SharedRedis;
  points: number;
  keyPrefix: string;
}): RateLimiter {
  // No insuranceLimiter on purpose: it would wave writes through on a per-process budget.
  const limiter = new RateLimiterRedis({
    storeClient: redis.client,
    points,
    duration: WINDOW_SECONDS,
    keyPrefix,
    rejectIfRedisNotReady: true,
  });
  return {
    shared: true,
    async consume(key) {
      if (!(await isRedisReady(redis))) throw unavailable(new Error(`Redis connection is ${redis.client.status}`));
      try {
        await limiter.consume(key);
      } catch (error) {
        if (error instanceof RateLimiterRes) throw rateLimited(error);
        throw unavailable(error);
      }
    },
  };
}

// The connection's own log line says when Redis goes and comes back; refusals are summed
// into at most one line a minute, however many requests arrive.
let refusedSinceLog = 0;
let lastRefusalLog = 0;

function unavailable(cause: unknown): AppError {
  refusedSinceLog += 1;
  const now = Date.now();
  if (now - lastRefusalLog >= 60_000) {
    logger.warn({ err: cause, refused: refusedSinceLog }, "mutations refused: the shared rate limiter (Redis) is unavailable");
    refusedSinceLog = 0;
    lastRefusalLog = now;
  }
  return new AppError("RATE_LIMIT_UNAVAILABLE", RATE_LIMIT_UNAVAILABLE_MESSAGE, { cause });
}

/** Keys are prefixed by environment, so staging and production never share a budget. */
export function rateLimitKeyPrefix(): string {
  const env = getEnv();
  return `booking:${env.DD_ENV ?? env.VERCEL_ENV ?? env.NODE_ENV}:rl`;
}

// On globalThis like the database client: Next bundles this module into several chunks,
// and a limiter per chunk would give each its own in-memory budget.
const globalForLimiter = globalThis as unknown as { bookingRateLimiter?: RateLimiter };

export function getRateLimiter(): RateLimiter {
  if (!globalForLimiter.bookingRateLimiter) {
    const points = getEnv().RATE_LIMIT_PER_MINUTE;
    const redis = getSharedRedis();
    globalForLimiter.bookingRateLimiter = redis
      ? createRedisRateLimiter({ redis, points, keyPrefix: rateLimitKeyPrefix() })
      : createMemoryRateLimiter(points);
  }
  return globalForLimiter.bookingRateLimiter;
}

export function consumeRateLimit(key: string): Promise<void> {
  return getRateLimiter().consume(key);
}

/** Tests stand in for another server instance (its own limiter and Redis connection), or reset to the configuration. */
export function setRateLimiterForTests(limiter: RateLimiter | undefined): void {
  globalForLimiter.bookingRateLimiter = limiter;
}
