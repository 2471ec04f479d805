import { setReminderLeadHours } from "@/modules/outbox/reminder-lead";
import type { BookingConfig } from "@/modules/shared/booking-config";
import { getEnv, type ServerEnv } from "@/server/env";
import { calendlyClient } from "@/server/providers/calendly-client";
import { onRequestPath } from "@/server/providers/provider-errors";
import { stripeGateway } from "@/server/providers/stripe-gateway";

export function bookingConfigFrom(env: ServerEnv): BookingConfig {
  return {
    holdMinutes: env.HOLD_MINUTES,
    manageTokenSecret: env.BETTER_AUTH_SECRET,
    baseUrl: env.NEXT_PUBLIC_BASE_URL,
    refundPolicy: { fullRefundHoursBefore: env.REFUND_FULL_HOURS_BEFORE },
  };
}

let built: { env: ServerEnv; config: BookingConfig } | undefined;

/** The booking settings, built once from the validated environment (again only after tests reset it). */
export function bookingConfig(): BookingConfig {
  const env = getEnv();
  if (built?.env !== env) {
    built = { env, config: bookingConfigFrom(env) };
    // Every writer that confirms a booking runs in a process that built these settings first.
    setReminderLeadHours(env.REMINDER_LEAD_HOURS);
  }
  return built.config;
}

/**
 * The providers as request paths call them: a provider failure becomes a 503 "try again" with
 * the cause logged, while the database work around the call stays ours (provider-errors.ts).
 */
export const requestPathPorts = {
  payments: onRequestPath("Stripe", stripeGateway),
  calendly: onRequestPath("Calendly", calendlyClient),
};
