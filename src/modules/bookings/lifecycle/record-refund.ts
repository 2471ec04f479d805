import { OWED_ON_REFUND } from "@/core/booking/booking-effects";
import type { Tx } from "@/modules/shared/tx";
import type { TransitionActor } from "./transition-actor";
import { transitionBooking, type WriteResult } from "./transition-booking";

/**
 * Writer of "refund": the money went back, after our refund call or when Stripe reports a
 * refund (`refundedCents` then says how much). Whichever comes first owes the one refund notice.
 */
export function recordRefund(
  tx: Tx,
  { bookingId, refundedCents, actor }: { bookingId: string; refundedCents?: number; actor?: TransitionActor },
): Promise<WriteResult> {
  return transitionBooking(tx, {
    bookingId,
    name: "refund",
    data: refundedCents === undefined ? {} : { refundedCents },
    owed: OWED_ON_REFUND,
    actor,
  });
}
