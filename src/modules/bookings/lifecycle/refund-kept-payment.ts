import type { OwedEffect } from "@/core/booking/booking-effects";
import type { Tx } from "@/modules/shared/tx";
import type { TransitionActor } from "./transition-actor";
import { transitionBooking, type WriteResult } from "./transition-booking";

// The refund call, delivered through the outbox like every refund; its success is "refund".
const OWED_ON_REFUND_KEPT: OwedEffect[] = ["STRIPE_REFUND"];

/**
 * Writer of "refundKept": an operator gives back (all or part of) the payment a cancelled
 * booking kept. `refundedCents` is what the refund call will ask Stripe for.
 */
export function refundKeptPayment(
  tx: Tx,
  { bookingId, refundedCents, actor }: { bookingId: string; refundedCents: number; actor?: TransitionActor },
): Promise<WriteResult> {
  return transitionBooking(tx, { bookingId, name: "refundKept", data: { refundedCents }, owed: OWED_ON_REFUND_KEPT, actor });
}
