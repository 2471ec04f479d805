import type { CancelledBy, OutboxKind } from "@/generated/prisma/enums";
import type { Tx } from "@/server/db/client";
import { AppError, notFound } from "@/core/errors";
import { refundAmountCents, type RefundPolicy } from "@/core/booking/refund-policy";
import type { Actor } from "@/modules/shared/actor";
import { enqueueOutbox } from "@/modules/outbox/enqueue-outbox";
import { relationToBooking } from "./booking-access";
import { bookingViewSelect, type BookingView } from "./booking-view";

export type CancelBookingInput = {
  bookingId: string;
  actor: Actor;
  reason?: string | undefined;
  now: Date;
  refundPolicy: RefundPolicy;
};

const cancelledByFor = { admin: "ADMIN", client: "CLIENT", token: "CLIENT", builder: "BUILDER" } as const;

/** Cancellation from our own app (client, builder, admin or manage-token holder). */
export async function cancelBooking(tx: Tx, input: CancelBookingInput): Promise<BookingView> {
  // Lock first: a payment confirming at this moment (apply-payment locks the row too) must
  // either be seen here, and refunded by policy, or see this cancellation and refund itself.
  await tx.$queryRaw`SELECT id FROM "Booking" WHERE id = ${input.bookingId} FOR UPDATE`;
  const booking = await tx.booking.findUnique({
    where: { id: input.bookingId },
    select: {
      status: true,
      paymentStatus: true,
      amountPaidCents: true,
      startTime: true,
      endTime: true,
      calendlyEventUri: true,
      clientId: true,
      manageTokenHash: true,
      builder: { select: { userId: true } },
    },
  });
  const relation = booking ? relationToBooking(booking, input.actor) : null;
  if (!booking || !relation) throw notFound("Booking");
  if (booking.status === "CANCELLED") throw new AppError("INVALID_STATE", "This booking is already cancelled");
  const clientSide = relation === "client" || relation === "token";
  if (clientSide && booking.startTime <= input.now) {
    throw new AppError("INVALID_STATE", "A session that has started can no longer be cancelled");
  }
  if (booking.endTime <= input.now) throw new AppError("INVALID_STATE", "This session is already over");

  return applyCancellation(tx, {
    bookingId: input.bookingId,
    now: input.now,
    reason: input.reason?.trim() || null,
    cancelledBy: cancelledByFor[relation],
    refundCents:
      booking.paymentStatus === "PAID"
        ? refundAmountCents({
            amountPaidCents: booking.amountPaidCents ?? 0,
            startTime: booking.startTime,
            now: input.now,
            cancelledByClient: clientSide,
            policy: input.refundPolicy,
          })
        : 0,
    cancelOnCalendly: booking.calendlyEventUri !== null,
  });
}

export type ApplyCancellationInput = {
  bookingId: string;
  now: Date;
  reason: string | null;
  cancelledBy: CancelledBy;
  refundCents: number;
  cancelOnCalendly: boolean;
  /** A reschedule's cancelled half owes no cancellation email. */
  notifyClient?: boolean;
  /** Set when Stripe itself reported the Checkout Session closed (checkout.session.expired). */
  checkoutClosed?: boolean;
};

/**
 * The one place a live booking becomes CANCELLED: a conditional update whose row count
 * decides who won, so two racing cancellations owe one email and one refund.
 * Returns the booking as it is afterwards (also when someone else cancelled it first).
 */
export async function applyCancellation(tx: Tx, input: ApplyCancellationInput): Promise<BookingView> {
  const before = await tx.booking.findUnique({
    where: { id: input.bookingId },
    select: { status: true, paymentStatus: true, stripeCheckoutSessionId: true },
  });
  const refunding = input.refundCents > 0;
  const { count } = await tx.booking.updateMany({
    where: { id: input.bookingId, status: { in: ["PENDING", "CONFIRMED"] } },
    data: {
      status: "CANCELLED",
      cancelledAt: input.now,
      cancelledBy: input.cancelledBy,
      cancellationReason: input.reason,
      ...(refunding ? { paymentStatus: "REFUND_PENDING", refundedCents: input.refundCents } : {}),
    },
  });
  if (count === 1) {
    const owed: OutboxKind[] = [];
    if (before?.status === "CONFIRMED" && input.notifyClient !== false) owed.push("EMAIL_CANCELLATION");
    if (refunding) owed.push("STRIPE_REFUND");
    if (input.cancelOnCalendly) owed.push("CALENDLY_CANCEL");
    // An unpaid hold's Checkout Session would otherwise stay payable until it expires.
    const unpaid = before?.paymentStatus === "UNPAID" || before?.paymentStatus === "FAILED";
    if (unpaid && before?.stripeCheckoutSessionId && !input.checkoutClosed) owed.push("STRIPE_EXPIRE_CHECKOUT");
    await enqueueOutbox(tx, input.bookingId, owed);
  }
  return tx.booking.findUniqueOrThrow({ where: { id: input.bookingId }, select: bookingViewSelect });
}
