import { z } from "zod";
import type { RefundPolicy } from "@/core/booking/refund-policy";
import { applyCancellation } from "@/modules/bookings/lifecycle/apply-cancellation";
import { recordPaymentFailure } from "@/modules/bookings/lifecycle/record-payment";
import { recordRefund } from "@/modules/bookings/lifecycle/record-refund";
import { providerActor, type TransitionActor } from "@/modules/bookings/lifecycle/transition-actor";
import type { Tx } from "@/modules/shared/tx";
import { applyPayment } from "./apply-payment";

// Only the fields we act on; Stripe adds fields freely, so unknown keys are ignored.
const metadata = z.record(z.string(), z.string()).nullish();
const checkoutSession = z.object({
  id: z.string(),
  client_reference_id: z.string().nullish(),
  metadata,
  payment_status: z.string(),
  amount_total: z.number().int().nullish(),
  currency: z.string().nullish(),
  payment_intent: z.union([z.string(), z.object({ id: z.string() })]).nullish(),
});
const paymentIntent = z.object({
  id: z.string(),
  metadata,
  amount_received: z.number().int().nullish(),
  amount: z.number().int(),
  currency: z.string(),
});
const charge = z.object({
  id: z.string(),
  payment_intent: z.string().nullish(),
  amount_refunded: z.number().int(),
  refunded: z.boolean().optional(),
});

export type StripeEventOutcome = "processed" | "ignored";
export type StripeContext = {
  now: Date;
  refundPolicy: RefundPolicy;
  /** Told which booking the event names, for the inbox row's link (the console's timeline). */
  onBooking?: (bookingId: string) => void;
  /** The inbox row being processed, for the booking's transition history. */
  webhookEventId?: string;
};

const bookingIdOf = (m: z.infer<typeof metadata>, fallback?: string | null) => fallback ?? m?.bookingId ?? null;
/** Reports the booking the event names to the caller, and passes it on. */
function named(ctx: StripeContext, bookingId: string | null): string | null {
  if (bookingId) ctx.onBooking?.(bookingId);
  return bookingId;
}
const intentIdOf = (pi: z.infer<typeof checkoutSession>["payment_intent"]) => (typeof pi === "string" ? pi : (pi?.id ?? null));

async function paid(
  tx: Tx,
  bookingId: string | null,
  facts: { amountCents: number; currency: string; paymentIntentId: string | null; checkoutSessionId: string | null },
  actor: TransitionActor,
) {
  if (!bookingId) return "ignored" as const;
  const outcome = await applyPayment(tx, { bookingId, ...facts }, 0, actor);
  return outcome === "unknown-booking" ? ("ignored" as const) : ("processed" as const);
}

async function paymentFailed(tx: Tx, bookingId: string | null, actor: TransitionActor): Promise<StripeEventOutcome> {
  if (!bookingId) return "ignored";
  // Not applied when the payment already succeeded (or failed before): nothing changes either way.
  await recordPaymentFailure(tx, { bookingId, actor });
  return "processed";
}

/** One Stripe event, inside the caller's transaction. Every branch is safe to repeat. */
export async function handleStripeEvent(tx: Tx, event: { type: string; object: unknown }, ctx: StripeContext): Promise<StripeEventOutcome> {
  const actor = providerActor("STRIPE", { webhookEventId: ctx.webhookEventId, eventType: event.type });
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded": {
      const s = checkoutSession.parse(event.object);
      const bookingId = named(ctx, bookingIdOf(s.metadata, s.client_reference_id));
      // Delayed payment methods complete "unpaid"; async_payment_succeeded follows.
      if (s.payment_status !== "paid") return "ignored";
      return paid(
        tx,
        bookingId,
        {
          amountCents: s.amount_total ?? 0,
          currency: s.currency ?? "",
          paymentIntentId: intentIdOf(s.payment_intent),
          checkoutSessionId: s.id,
        },
        actor,
      );
    }
    case "payment_intent.succeeded": {
      const pi = paymentIntent.parse(event.object);
      return paid(
        tx,
        named(ctx, bookingIdOf(pi.metadata)),
        {
          amountCents: pi.amount_received ?? pi.amount,
          currency: pi.currency,
          paymentIntentId: pi.id,
          checkoutSessionId: null,
        },
        actor,
      );
    }
    case "checkout.session.async_payment_failed": {
      const s = checkoutSession.parse(event.object);
      return paymentFailed(tx, named(ctx, bookingIdOf(s.metadata, s.client_reference_id)), actor);
    }
    case "payment_intent.payment_failed":
      return paymentFailed(tx, named(ctx, bookingIdOf(paymentIntent.parse(event.object).metadata)), actor);
    case "checkout.session.expired": {
      const s = checkoutSession.parse(event.object);
      const bookingId = named(ctx, bookingIdOf(s.metadata, s.client_reference_id));
      if (!bookingId) return "ignored";
      // Stripe closed the Checkout Session: an unpaid hold ends (the writer locks the row like
      // every payment path, so an expiry and a payment cannot interleave); anything else stays.
      const result = await applyCancellation(tx, {
        bookingId,
        now: ctx.now,
        by: "SYSTEM",
        cause: "hold-expired",
        refundPolicy: ctx.refundPolicy,
        actor,
      });
      return result.outcome === "applied" ? "processed" : "ignored";
    }
    case "charge.refunded": {
      const c = charge.parse(event.object);
      if (!c.payment_intent || c.amount_refunded <= 0) return "ignored";
      const booking = await tx.booking.findFirst({ where: { stripePaymentIntentId: c.payment_intent }, select: { id: true } });
      if (!booking) return "ignored";
      ctx.onBooking?.(booking.id);
      await recordRefund(tx, { bookingId: booking.id, refundedCents: c.amount_refunded, actor });
      return "processed";
    }
    default:
      return "ignored";
  }
}
