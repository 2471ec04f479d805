import Stripe from "stripe";
import { getEnv } from "@/server/env";

// The real SDK; only the key and base URL differ between production and the local sandbox.

let client: Stripe | undefined;

export function stripeOptionsFor(apiBase: string): Stripe.StripeConfig {
  const url = new URL(apiBase);
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === "http:" ? 80 : 443,
    protocol: url.protocol === "http:" ? "http" : "https",
    maxNetworkRetries: 2,
    timeout: 10_000,
    telemetry: false,
  };
}

export function getStripe(): Stripe {
  if (!client) {
    const env = getEnv();
    client = new Stripe(env.STRIPE_SECRET_KEY, stripeOptionsFor(env.STRIPE_API_BASE));
  }
  return client;
}

export function resetStripeForTests(): void {
  client = undefined;
}
