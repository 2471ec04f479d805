import { OWED_ON_PAY, OWED_ON_REFUND_LATE_PAYMENT } from "@/core/booking/booking-effects";
import type { Tx } from "@/modules/shared/tx";
import type { TransitionActor } from "./transition-actor";
import { transitionBooking, type WriteResult } from "./transition-booking";

// Writers of the payment transitions. The caller has decided, on the locked row, which one a
// payment means (core's decidePayment); each still applies only from its own "from" states.

/** "pay": a matching payment confirms a held booking, with a confirmation and a receipt. */
export function confirmPayment(
  tx: Tx,
  { bookingId, amountCents, actor }: { bookingId: string; amountCents: number; actor?: TransitionActor },
): Promise<WriteResult> {
  return transitionBooking(tx, {
    bookingId,
    name: "pay",
    data: { amountPaidCents: amountCents, holdExpiresAt: null, attentionReason: null },
    owed: OWED_ON_PAY,
    actor,
  });
}

/** "refundLatePayment": a payment for a booking cancelled meanwhile is refunded in full. */
export function refundLatePayment(
  tx: Tx,
  { bookingId, amountCents, actor }: { bookingId: string; amountCents: number; actor?: TransitionActor },
): Promise<WriteResult> {
  return transitionBooking(tx, {
    bookingId,
    name: "refundLatePayment",
    data: { amountPaidCents: amountCents, refundedCents: amountCents },
    owed: OWED_ON_REFUND_LATE_PAYMENT,
    actor,
  });
}

/** "failPayment": no email; the booking page tells the client, who may retry until the hold expires. */
export function recordPaymentFailure(tx: Tx, { bookingId, actor }: { bookingId: string; actor?: TransitionActor }): Promise<WriteResult> {
  return transitionBooking(tx, { bookingId, name: "failPayment", owed: [], actor });
}
