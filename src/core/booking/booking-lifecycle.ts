// The booking lifecycle: every state a booking and its payment can be in, and every change
// between them, in one table. The writers in src/modules/bookings/lifecycle turn each entry
// into a conditional update whose WHERE is the entry's "from" states, so no caller restates
// a rule. CANCELLED and REFUNDED are terminal: a late event never resurrects a booking or
// un-refunds money.

export const BOOKING_STATUSES = ["PENDING", "CONFIRMED", "CANCELLED"] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const PAYMENT_STATUSES = ["NOT_REQUIRED", "UNPAID", "FAILED", "PAID", "REFUND_PENDING", "REFUNDED"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export type BookingState = { status: BookingStatus; paymentStatus: PaymentStatus };

type Transition = {
  from: { status: readonly BookingStatus[]; payment: readonly PaymentStatus[] };
  /** What the transition sets; a side it leaves out stays as it is. */
  to: { status?: BookingStatus; payment?: PaymentStatus };
};

/** A payment is expected: none arrived yet, or an attempt failed and may be retried. */
export const AWAITING_PAYMENT = ["UNPAID", "FAILED"] as const satisfies readonly PaymentStatus[];
const LIVE = ["PENDING", "CONFIRMED"] as const satisfies readonly BookingStatus[];

export const TRANSITIONS = {
  /** A booking that owes no payment is confirmed (a free session once Calendly reports it scheduled). */
  confirm: { from: { status: ["PENDING"], payment: ["NOT_REQUIRED"] }, to: { status: "CONFIRMED" } },
  /** A payment matching the price confirms a held booking. */
  pay: { from: { status: ["PENDING"], payment: AWAITING_PAYMENT }, to: { status: "CONFIRMED", payment: "PAID" } },
  /** An attempt failed; the client may retry in the same Checkout Session until the hold expires. */
  failPayment: { from: { status: ["PENDING"], payment: ["UNPAID"] }, to: { payment: "FAILED" } },
  /** A payment landed on a booking cancelled meanwhile: refunded in full, the booking stays cancelled. */
  refundLatePayment: { from: { status: ["CANCELLED"], payment: AWAITING_PAYMENT }, to: { payment: "REFUND_PENDING" } },
  /** Cancelled by someone (or by the system), keeping whatever was paid. */
  cancel: { from: { status: LIVE, payment: PAYMENT_STATUSES }, to: { status: "CANCELLED" } },
  /** Cancelled with a refund the policy grants. */
  cancelAndRefund: { from: { status: LIVE, payment: ["PAID"] }, to: { status: "CANCELLED", payment: "REFUND_PENDING" } },
  /** An unpaid hold ran out (our clock, or Stripe closing its Checkout Session). */
  expireHold: { from: { status: ["PENDING"], payment: ["NOT_REQUIRED", ...AWAITING_PAYMENT] }, to: { status: "CANCELLED" } },
  /** The money went back: our refund call succeeded, or Stripe reports a refund (also one made in its dashboard). */
  refund: { from: { status: BOOKING_STATUSES, payment: ["PAID", "REFUND_PENDING"] }, to: { payment: "REFUNDED" } },
  /** An operator refunds the payment a cancelled booking kept (in full or in part); the refund call follows. */
  refundKept: { from: { status: ["CANCELLED"], payment: ["PAID"] }, to: { payment: "REFUND_PENDING" } },
} as const satisfies Record<string, Transition>;

export type TransitionName = keyof typeof TRANSITIONS;
export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as TransitionName[];

/** The states a booking may be created in (by our app, by Calendly, or as the new half of a reschedule). */
const INSERTABLE: Record<BookingStatus, readonly PaymentStatus[]> = {
  PENDING: ["NOT_REQUIRED", ...AWAITING_PAYMENT],
  CONFIRMED: ["NOT_REQUIRED", "PAID"],
  // Recorded already cancelled, so a late event cannot resurrect it; any payment it carried stays.
  CANCELLED: PAYMENT_STATUSES,
};

export function canInsert(state: BookingState): boolean {
  return INSERTABLE[state.status].includes(state.paymentStatus);
}

/** Whether `name` applies to a booking in `state`: its "from" states, as the writers' WHERE. */
export function canApply(name: TransitionName, state: BookingState): boolean {
  const { from } = TRANSITIONS[name];
  return (
    (from.status as readonly BookingStatus[]).includes(state.status) &&
    (from.payment as readonly PaymentStatus[]).includes(state.paymentStatus)
  );
}

/** What `name` sets, as column values: a side it leaves alone is absent. */
export function changesOf(name: TransitionName): Partial<BookingState> {
  const { to }: Transition = TRANSITIONS[name];
  return { ...(to.status && { status: to.status }), ...(to.payment && { paymentStatus: to.payment }) };
}

/** Whether some transition moves a booking's status from `from` to `to`. */
export function canTransition(from: BookingStatus, to: BookingStatus): boolean {
  return TRANSITION_NAMES.some((name) => {
    const t: Transition = TRANSITIONS[name];
    return t.to.status === to && t.from.status.includes(from);
  });
}

/** Whether some transition moves a payment from `from` to `to`. */
export function canTransitionPayment(from: PaymentStatus, to: PaymentStatus): boolean {
  return TRANSITION_NAMES.some((name) => {
    const t: Transition = TRANSITIONS[name];
    return t.to.payment === to && t.from.payment.includes(from);
  });
}

/** Statuses from which some transition leads to `to`. */
export function statusesThatCanBecome(to: BookingStatus): BookingStatus[] {
  return BOOKING_STATUSES.filter((from) => canTransition(from, to));
}

/**
 * How a booking starts: free sessions confirmed at once, paid ones as an unpaid hold. A session
 * scheduled through Calendly waits (PENDING) until Calendly reports the client scheduled it.
 */
export function initialStatusFor(priceCents: number, { viaCalendly = false }: { viaCalendly?: boolean } = {}): BookingState {
  const paymentStatus = priceCents === 0 ? "NOT_REQUIRED" : "UNPAID";
  return { status: paymentStatus === "NOT_REQUIRED" && !viaCalendly ? "CONFIRMED" : "PENDING", paymentStatus };
}
