import { isPaymentSettled } from "@/core/booking/booking-predicates";
import type { PaymentStatus } from "@/core/booking/booking-lifecycle";

/** One payment as Stripe sees it: a Checkout Session and/or its PaymentIntent, with the refunds made on it. */
export type StripePayment = {
  bookingId: string | null;
  checkoutSessionId: string | null;
  paymentIntentId: string | null;
  paid: boolean;
  /** What the Checkout Session charged (amount_total). */
  amountTotal: number | null;
  /** What the PaymentIntent received (amount_received). */
  amountReceived: number | null;
  currency: string | null;
  /** Succeeded and pending refunds on the payment, whenever made. */
  refundedCents: number;
};

/** The booking columns a comparison reads. */
export type BookingMoney = {
  id: string;
  paymentStatus: PaymentStatus;
  priceCents: number;
  currency: string;
  amountPaidCents: number | null;
  refundedCents: number | null;
};

export type MismatchKind = "paid-not-recorded" | "recorded-not-paid" | "refund-not-recorded" | "refund-differs" | "amount-differs";

export type Mismatch = { kind: MismatchKind; reason: string };

/** Every reason starts so; the text is stable across runs, so an hourly run repeats nothing (flagAttention). */
export const REASON_PREFIX = "Stripe reconciliation:";

/** "49.00 USD": plain, never "Free", and safe for any code Stripe sends. */
const money = (amountCents: number, currency: string | null) => `${(amountCents / 100).toFixed(2)} ${(currency ?? "?").toUpperCase()}`;

function which(payment: StripePayment): string {
  return payment.paymentIntentId ? `payment ${payment.paymentIntentId}` : `Checkout Session ${payment.checkoutSessionId ?? "?"}`;
}

/**
 * What differs between Stripe and one booking; nothing when they agree. `payment` is null when
 * Stripe has no payment for the booking at all. Pure: the caller decides what to do (flag).
 */
export function comparePayment(payment: StripePayment | null, booking: BookingMoney): Mismatch[] {
  const settled = isPaymentSettled(booking.paymentStatus);
  if (!payment?.paid) {
    return settled
      ? [
          {
            kind: "recorded-not-paid",
            reason: `${REASON_PREFIX} recorded as paid here (${booking.paymentStatus}), but Stripe has no successful payment for it.`,
          },
        ]
      : [];
  }

  const found: Mismatch[] = [];
  const charged = payment.amountReceived ?? payment.amountTotal ?? 0;
  if (!settled) {
    found.push({
      kind: "paid-not-recorded",
      reason: `${REASON_PREFIX} paid in Stripe (${money(charged, payment.currency)}, ${which(payment)}) but not recorded as paid here.`,
    });
  }
  const currencyDiffers = payment.currency !== null && payment.currency.toLowerCase() !== booking.currency.toLowerCase();
  if (payment.amountTotal !== null && (payment.amountTotal !== booking.priceCents || currencyDiffers)) {
    found.push({
      kind: "amount-differs",
      reason: `${REASON_PREFIX} Stripe charged ${money(payment.amountTotal, payment.currency)}, the booking's price is ${money(booking.priceCents, booking.currency)}.`,
    });
  } else if (
    settled &&
    payment.amountReceived !== null &&
    booking.amountPaidCents !== null &&
    payment.amountReceived !== booking.amountPaidCents
  ) {
    found.push({
      kind: "amount-differs",
      reason: `${REASON_PREFIX} Stripe received ${money(payment.amountReceived, payment.currency)}, ${money(booking.amountPaidCents, booking.currency)} recorded as paid here.`,
    });
  }

  const ours = booking.refundedCents ?? 0;
  const theirs = payment.refundedCents;
  if (booking.paymentStatus === "REFUNDED" && theirs !== ours) {
    found.push({
      kind: "refund-differs",
      reason: `${REASON_PREFIX} refunded ${money(theirs, payment.currency)} in Stripe, ${money(ours, booking.currency)} recorded here.`,
    });
  } else if (booking.paymentStatus === "REFUND_PENDING" && theirs > ours) {
    // Our own refund is on its way (outbox); only more than we meant to refund is a mismatch.
    found.push({
      kind: "refund-differs",
      reason: `${REASON_PREFIX} refunded ${money(theirs, payment.currency)} in Stripe, more than the ${money(ours, booking.currency)} refund owed here.`,
    });
  } else if (booking.paymentStatus !== "REFUNDED" && booking.paymentStatus !== "REFUND_PENDING" && theirs > 0) {
    found.push({
      kind: "refund-not-recorded",
      reason: `${REASON_PREFIX} refunded ${money(theirs, payment.currency)} in Stripe (${which(payment)}), not recorded here.`,
    });
  }
  return found;
}
