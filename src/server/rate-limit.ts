import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "@/core/errors";
import { getEnv } from "@/server/env";

// Per-process limiter for mutations and webhook floods. Behind several instances each
// has its own budget; see docs/decisions/0004-rate-limiting.md for moving it to PostgreSQL.

let limiter: RateLimiterMemory | undefined;

function getLimiter(): RateLimiterMemory {
  limiter ??= new RateLimiterMemory({ points: getEnv().RATE_LIMIT_PER_MINUTE, duration: 60 });
  return limiter;
}

export async function consumeRateLimit(key: string): Promise<void> {
  try {
    await getLimiter().consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      const seconds = Math.ceil(error.msBeforeNext / 1000);
      throw new AppError("RATE_LIMITED", `Too many requests; try again in ${seconds} s`);
    }
    throw error;
  }
}
