// The booking lifecycle. CANCELLED is terminal: a late event never resurrects a booking.
export type BookingStatus = "PENDING" | "CONFIRMED" | "CANCELLED";

export type PaymentStatus = "NOT_REQUIRED" | "UNPAID" | "FAILED" | "PAID" | "REFUND_PENDING" | "REFUNDED";

const bookingTransitions: Record<BookingStatus, readonly BookingStatus[]> = {
  PENDING: ["CONFIRMED", "CANCELLED"],
  CONFIRMED: ["CANCELLED"],
  CANCELLED: [],
};

const paymentTransitions: Record<PaymentStatus, readonly PaymentStatus[]> = {
  NOT_REQUIRED: [],
  UNPAID: ["PAID", "FAILED"],
  // A failed attempt can be followed by a successful retry in the same Checkout Session.
  FAILED: ["PAID", "UNPAID"],
  PAID: ["REFUND_PENDING", "REFUNDED"],
  REFUND_PENDING: ["REFUNDED"],
  REFUNDED: [],
};

export function canTransition(from: BookingStatus, to: BookingStatus): boolean {
  return bookingTransitions[from].includes(to);
}

export function canTransitionPayment(from: PaymentStatus, to: PaymentStatus): boolean {
  return paymentTransitions[from].includes(to);
}

/** States from which a transition to `to` is allowed: used as the WHERE of conditional updates. */
export function statusesThatCanBecome(to: BookingStatus): BookingStatus[] {
  return (Object.keys(bookingTransitions) as BookingStatus[]).filter((from) => canTransition(from, to));
}

export function paymentStatusesThatCanBecome(to: PaymentStatus): PaymentStatus[] {
  return (Object.keys(paymentTransitions) as PaymentStatus[]).filter((from) => canTransitionPayment(from, to));
}

/** A booking occupies its slot while it is confirmed or an unexpired hold. */
export function isLive(booking: { status: BookingStatus; holdExpiresAt: Date | null }, now: Date): boolean {
  if (booking.status === "CONFIRMED") return true;
  if (booking.status !== "PENDING") return false;
  return booking.holdExpiresAt === null || booking.holdExpiresAt > now;
}

export function initialStatusFor(priceCents: number): { status: BookingStatus; paymentStatus: PaymentStatus } {
  return priceCents === 0 ? { status: "CONFIRMED", paymentStatus: "NOT_REQUIRED" } : { status: "PENDING", paymentStatus: "UNPAID" };
}
