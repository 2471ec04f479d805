import { AppError, isAppError } from "@/core/errors";
import { logger } from "@/server/logger";

/**
 * Runs a provider call on a request path. Our own AppErrors pass through; anything the
 * provider throws (network, 5xx, an API error) becomes a 503 with a plain message, so a
 * client sees "try again" rather than a 500, and operators get the cause in the logs.
 */
export async function withProvider<T>(provider: "Stripe" | "Calendly", call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isAppError(error)) throw error;
    logger.error({ err: error, provider }, "provider call failed");
    throw new AppError("PROVIDER_UNAVAILABLE", `${provider} is not reachable right now; please try again in a moment`, { cause: error });
  }
}
