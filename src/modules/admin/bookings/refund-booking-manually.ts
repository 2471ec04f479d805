import { AppError } from "@/core/errors";
import { refundKeptPayment } from "@/modules/bookings/lifecycle/refund-kept-payment";
import { refuse, runBookingAction, type BookingActionOptions } from "./booking-action";

/**
 * An operator refunds the payment a cancelled booking kept, in full or in part. The refund
 * call leaves through the outbox (STRIPE_REFUND) like every refund; once Stripe confirms,
 * the booking is REFUNDED and the client gets the refund notice.
 */
export function refundBookingManually(options: BookingActionOptions & { amountCents?: number | undefined }) {
  return runBookingAction(options, "booking.refund", async (tx, { before, actor }) => {
    if (before.status !== "CANCELLED" || before.paymentStatus !== "PAID") {
      throw refuse(
        before.paymentStatus === "PAID"
          ? "Cancel the booking first (choose a refund there): only a cancelled booking's kept payment is refunded here"
          : `There is no kept payment to refund: the payment is ${before.paymentStatus.toLowerCase().replace("_", " ")}`,
      );
    }
    const paid = before.amountPaidCents ?? 0;
    const amount = options.amountCents ?? paid;
    if (amount > paid) throw new AppError("UNPROCESSABLE", `The refund cannot be more than the ${paid} cents paid`);
    if (amount <= 0) throw new AppError("UNPROCESSABLE", "There is nothing to refund");
    if ((await refundKeptPayment(tx, { bookingId: options.bookingId, refundedCents: amount, actor })) === "not-applied") {
      throw refuse("The booking changed meanwhile; reload it");
    }
    return { refundCents: amount };
  });
}
