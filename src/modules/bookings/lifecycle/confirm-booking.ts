import { OWED_ON_CONFIRM } from "@/core/booking/booking-effects";
import type { Tx } from "@/modules/shared/tx";
import { transitionBooking, type WriteResult } from "./transition-booking";

/** Writer of "confirm": a booking that owes no payment is confirmed (its hold no longer matters) and announced. */
export function confirmBooking(tx: Tx, { bookingId }: { bookingId: string }): Promise<WriteResult> {
  return transitionBooking(tx, { bookingId, name: "confirm", data: { holdExpiresAt: null }, owed: OWED_ON_CONFIRM });
}
