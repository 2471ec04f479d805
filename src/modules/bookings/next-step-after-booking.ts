import { AppError } from "@/core/errors";
import type { PaymentGateway } from "@/modules/ports/payment-gateway";
import type { BookingConfig } from "@/modules/shared/booking-config";
import type { Tx } from "@/modules/shared/tx";
import { calendlySchedulingLink } from "./calendly-scheduling-link";
import type { CreatedBooking } from "./create-booking";
import { startCheckout } from "./start-checkout";

export type NextStep =
  | { kind: "confirmed" }
  | { kind: "calendly"; url: string }
  | { kind: "checkout"; url: string }
  /** Stripe could not be reached: the hold stands, and the booking page offers "Complete payment". */
  | { kind: "payment-pending"; url: string };

/**
 * Where the client goes once the booking committed: nowhere (confirmed), to Calendly to
 * schedule (mapped session types; the booking id travels as utm_content), or to Stripe
 * Checkout (paid). Called after commit so no provider call ever runs inside a transaction.
 */
export async function nextStepAfterBooking({
  db,
  payments,
  config,
  created,
  now,
}: {
  db: Tx;
  payments: PaymentGateway;
  config: Pick<BookingConfig, "baseUrl" | "refundPolicy">;
  created: CreatedBooking;
  now: Date;
}): Promise<NextStep> {
  const { booking, manageToken } = created;
  if (booking.status === "CONFIRMED") return { kind: "confirmed" };
  if (created.calendlySchedulingUrl) {
    return {
      kind: "calendly",
      url: calendlySchedulingLink(created.calendlySchedulingUrl, booking, { manageToken, baseUrl: config.baseUrl }),
    };
  }
  try {
    return { kind: "checkout", ...(await startCheckout({ db, payments, config, bookingId: booking.id, actor: null, now })) };
  } catch (error) {
    // The outage itself is logged by the port's request-path wrapper; the client resumes from the booking page.
    if (!(error instanceof AppError) || error.code !== "PROVIDER_UNAVAILABLE") throw error;
    return { kind: "payment-pending", url: `${config.baseUrl}/bookings/${booking.id}?token=${manageToken}` };
  }
}
