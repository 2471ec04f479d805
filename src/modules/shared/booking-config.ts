import type { RefundPolicy } from "@/core/booking/refund-policy";

/**
 * The booking settings use-cases need, built once from the environment by the entry point
 * (src/server/booking-config.ts) and passed in: use-cases never read the environment.
 */
export type BookingConfig = {
  /** How long an unpaid hold lasts (HOLD_MINUTES). */
  holdMinutes: number;
  /** Derives the manage-link tokens (BETTER_AUTH_SECRET). */
  manageTokenSecret: string;
  /** The app's public address, for links sent to clients (NEXT_PUBLIC_BASE_URL). */
  baseUrl: string;
  refundPolicy: RefundPolicy;
};
