import type { PrismaClient } from "@/generated/prisma/client";
import { AppError } from "@/core/errors";
import { logger } from "@/server/logger";
import { onRequestPath } from "@/server/providers/provider-errors";
import type { CreatedBooking } from "@/modules/bookings/create-booking";
import { startCheckout } from "@/modules/payments/start-checkout";
import type { Actor } from "@/modules/shared/actor";
import { calendlyClient } from "@/server/providers/calendly-client";
import { calendlySchedulingLink } from "@/server/providers/calendly-links";
import { getEnv } from "@/server/env";
import { stripeGateway } from "@/server/providers/stripe-gateway";

export type NextStep =
  | { kind: "confirmed" }
  | { kind: "calendly"; url: string }
  | { kind: "checkout"; url: string }
  /** Stripe could not be reached: the hold stands, and the booking page offers "Complete payment". */
  | { kind: "payment-pending"; url: string };

/**
 * Where the client goes after booking.create committed: nowhere (confirmed), to Calendly to
 * schedule (mapped session types; the booking id travels as utm_content), or to Stripe
 * Checkout (paid). Called after commit so no provider call ever runs inside a transaction.
 */
export async function nextStepAfterBooking(db: PrismaClient, created: CreatedBooking): Promise<NextStep> {
  const { booking } = created;
  if (booking.status === "CONFIRMED") return { kind: "confirmed" };
  if (created.calendlySchedulingUrl) {
    return { kind: "calendly", url: calendlySchedulingLink(created.calendlySchedulingUrl, booking, created.manageToken) };
  }
  try {
    return { kind: "checkout", ...(await resumeCheckout(db, { bookingId: booking.id, actor: null })) };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "PROVIDER_UNAVAILABLE") throw error;
    logger.warn({ bookingId: booking.id }, "Checkout could not be opened after booking; client can resume");
    return { kind: "payment-pending", url: `${getEnv().NEXT_PUBLIC_BASE_URL}/bookings/${booking.id}?token=${created.manageToken}` };
  }
}

/** Stripe failures become a 503 (try again); the booking reads and writes around the call do not. */
const stripe = onRequestPath("Stripe", stripeGateway);
const calendly = onRequestPath("Calendly", calendlyClient);

export async function resumeCheckout(db: PrismaClient, { bookingId, actor }: { bookingId: string; actor: Actor | null }) {
  return startCheckout(db, stripe, { bookingId, actor, now: new Date(), baseUrl: getEnv().NEXT_PUBLIC_BASE_URL });
}

/**
 * For a Calendly-mapped session type, asks Calendly (before any transaction) whether it
 * offers exactly this start. Undefined for other session types.
 */
export async function offeredByCalendlyAt(db: PrismaClient, sessionTypeId: string, start: Date): Promise<boolean | undefined> {
  const type = await db.sessionType.findUnique({ where: { id: sessionTypeId }, select: { calendlyEventTypeUri: true } });
  if (!type?.calendlyEventTypeUri) return undefined;
  const uri = type.calendlyEventTypeUri;
  // Calendly refuses a window that starts in the past, so never ask from before now.
  const from = new Date(Math.max(start.getTime() - 60_000, Date.now() + 1000));
  if (from > start) return false;
  const times = await calendly.availableTimes(uri, from, new Date(start.getTime() + 60_000));
  return times.some((t) => t.startTime.getTime() === start.getTime());
}
