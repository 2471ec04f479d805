import type { RefundPolicy } from "@/core/booking/refund-policy";
import { applyCancellation, type RefundChoice } from "@/modules/bookings/lifecycle/apply-cancellation";
import { refuse, runBookingAction, type BookingActionOptions } from "./booking-action";

/**
 * An operator cancels a booking, choosing the refund: by the client policy, in full, or none
 * (a paid booking then keeps its payment and can still be refunded later). The lifecycle's
 * cancellation writer decides everything else (emails, the refund call, Calendly).
 */
export function cancelBookingManually(options: BookingActionOptions & { refund: RefundChoice; refundPolicy: RefundPolicy }) {
  return runBookingAction(options, "booking.cancel", async (tx, { actor }) => {
    const result = await applyCancellation(tx, {
      bookingId: options.bookingId,
      now: options.now,
      by: "ADMIN",
      cause: "request",
      note: options.reason,
      refundPolicy: options.refundPolicy,
      refundChoice: options.refund,
      actor,
    });
    if (result.outcome === "not-applied") throw refuse(result.refusal);
    return { refundChoice: options.refund, owed: result.owed };
  });
}
