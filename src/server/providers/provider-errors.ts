import { AppError, isAppError } from "@/core/errors";
import { logger } from "@/server/logger";

export type Provider = "Stripe" | "Calendly";

/**
 * Runs one provider call on a request path. Our own AppErrors pass through; anything the
 * provider throws (network, 5xx, an API error) becomes a 503 with a plain message, so a
 * client sees "try again" rather than a 500, and operators get the cause in the logs.
 * Wrap only the SDK call: a database error inside would be misreported as an outage.
 */
export async function withProvider<T>(provider: Provider, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isAppError(error)) throw error;
    logger.error({ err: error, provider }, "provider call failed");
    throw new AppError("PROVIDER_UNAVAILABLE", `${provider} is not reachable right now; please try again in a moment`, { cause: error });
  }
}

type AsyncMethods<T> = { [K in keyof T]: (...args: never[]) => Promise<unknown> };

/**
 * A port (PaymentGateway, CalendlyApi) whose every method runs through withProvider, for
 * use-cases on a request path: their own database work stays outside the wrapper.
 */
export function onRequestPath<T extends AsyncMethods<T>>(provider: Provider, port: T): T {
  const guarded: Partial<Record<keyof T, unknown>> = {};
  for (const key of Object.keys(port) as (keyof T)[]) {
    // Looked up per call, so a method replaced later (a test double) is the one that runs.
    guarded[key] = (...args: unknown[]) =>
      withProvider(provider, () => (port[key] as unknown as (...a: unknown[]) => Promise<unknown>).apply(port, args));
  }
  return guarded as T;
}
