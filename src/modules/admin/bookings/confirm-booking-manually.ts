import { confirmBooking } from "@/modules/bookings/lifecycle/confirm-booking";
import { refuse, runBookingAction, type BookingActionOptions } from "./booking-action";

/**
 * An operator confirms a pending booking that owes no payment (for example one whose Calendly
 * event never arrived), through the lifecycle's "confirm": the client is sent the confirmation.
 */
export function confirmBookingManually(options: BookingActionOptions) {
  return runBookingAction(options, "booking.confirm", async (tx, { before, actor }) => {
    if ((await confirmBooking(tx, { bookingId: options.bookingId, actor })) === "not-applied") {
      throw refuse(
        `Only a pending booking that owes no payment can be confirmed; this one is ${before.status.toLowerCase()} with payment ${before.paymentStatus.toLowerCase().replace("_", " ")}`,
      );
    }
  });
}
