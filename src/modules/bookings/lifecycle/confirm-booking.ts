import { OWED_ON_CONFIRM } from "@/core/booking/booking-effects";
import type { Tx } from "@/modules/shared/tx";
import type { TransitionActor } from "./transition-actor";
import { transitionBooking, type WriteResult } from "./transition-booking";

/** Writer of "confirm": a booking that owes no payment is confirmed (its hold no longer matters) and announced. */
export function confirmBooking(tx: Tx, { bookingId, actor }: { bookingId: string; actor?: TransitionActor }): Promise<WriteResult> {
  return transitionBooking(tx, { bookingId, name: "confirm", data: { holdExpiresAt: null }, owed: OWED_ON_CONFIRM, actor });
}
