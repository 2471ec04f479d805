import { describe, expect, it } from "vitest";
import {
  BOOKING_STATUSES,
  canApply,
  canInsert,
  canTransition,
  canTransitionPayment,
  initialStatusFor,
  PAYMENT_STATUSES,
  changesOf,
  statusesThatCanBecome,
  TRANSITION_NAMES,
  type BookingState,
  type TransitionName,
} from "./booking-lifecycle";

const key = (s: BookingState) => `${s.status}/${s.paymentStatus}`;
const stateAfter = (name: TransitionName, state: BookingState): BookingState => ({ ...state, ...changesOf(name) });
const ALL_STATES: BookingState[] = BOOKING_STATUSES.flatMap((status) =>
  PAYMENT_STATUSES.map((paymentStatus) => ({ status, paymentStatus })),
);

// Written out by hand: a change to the table must change these too.
const STATUS_PAIRS: Record<string, boolean> = {
  "PENDING->PENDING": false,
  "PENDING->CONFIRMED": true,
  "PENDING->CANCELLED": true,
  "CONFIRMED->PENDING": false,
  "CONFIRMED->CONFIRMED": false,
  "CONFIRMED->CANCELLED": true,
  "CANCELLED->PENDING": false,
  "CANCELLED->CONFIRMED": false,
  "CANCELLED->CANCELLED": false,
};

const PAYMENT_TARGETS: Record<string, string[]> = {
  NOT_REQUIRED: [],
  UNPAID: ["FAILED", "PAID", "REFUND_PENDING"],
  FAILED: ["PAID", "REFUND_PENDING"],
  PAID: ["REFUND_PENDING", "REFUNDED"],
  REFUND_PENDING: ["REFUNDED"],
  REFUNDED: [],
};

const APPLIES_TO: Record<TransitionName, string[]> = {
  confirm: ["PENDING/NOT_REQUIRED"],
  pay: ["PENDING/UNPAID", "PENDING/FAILED"],
  failPayment: ["PENDING/UNPAID"],
  refundLatePayment: ["CANCELLED/UNPAID", "CANCELLED/FAILED"],
  cancel: ["PENDING", "CONFIRMED"].flatMap((s) => PAYMENT_STATUSES.map((p) => `${s}/${p}`)),
  cancelAndRefund: ["PENDING/PAID", "CONFIRMED/PAID"],
  expireHold: ["PENDING/NOT_REQUIRED", "PENDING/UNPAID", "PENDING/FAILED"],
  refund: BOOKING_STATUSES.flatMap((s) => [`${s}/PAID`, `${s}/REFUND_PENDING`]),
  refundKept: ["CANCELLED/PAID"],
};

const INSERTABLE = [
  "PENDING/NOT_REQUIRED",
  "PENDING/UNPAID",
  "PENDING/FAILED",
  "CONFIRMED/NOT_REQUIRED",
  "CONFIRMED/PAID",
  ...PAYMENT_STATUSES.map((p) => `CANCELLED/${p}`),
];

describe("the booking lifecycle table", () => {
  it.each(BOOKING_STATUSES.flatMap((from) => BOOKING_STATUSES.map((to) => [from, to] as const)))(
    "status %s -> %s is allowed exactly as listed",
    (from, to) => {
      expect(canTransition(from, to)).toBe(STATUS_PAIRS[`${from}->${to}`]);
    },
  );

  it.each(PAYMENT_STATUSES.flatMap((from) => PAYMENT_STATUSES.map((to) => [from, to] as const)))(
    "payment %s -> %s is allowed exactly as listed",
    (from, to) => {
      expect(canTransitionPayment(from, to)).toBe(PAYMENT_TARGETS[from]!.includes(to));
    },
  );

  it.each(TRANSITION_NAMES.flatMap((name) => ALL_STATES.map((state) => [name, key(state), state] as const)))(
    "%s applies to %s exactly as listed",
    (name, stateKey, state) => {
      expect(canApply(name, state)).toBe(APPLIES_TO[name].includes(stateKey));
    },
  );

  it.each(ALL_STATES.map((state) => [key(state), state] as const))(
    "a booking may be created as %s exactly as listed",
    (stateKey, state) => {
      expect(canInsert(state)).toBe(INSERTABLE.includes(stateKey));
    },
  );

  it("gives the WHERE of conditional updates: the statuses that can become each status", () => {
    expect(statusesThatCanBecome("CANCELLED")).toEqual(["PENDING", "CONFIRMED"]);
    expect(statusesThatCanBecome("CONFIRMED")).toEqual(["PENDING"]);
    expect(statusesThatCanBecome("PENDING")).toEqual([]);
  });

  it("never leaves CANCELLED and never un-refunds: both are terminal for every transition", () => {
    for (const name of TRANSITION_NAMES) {
      for (const state of ALL_STATES.filter((s) => canApply(name, s))) {
        const after = stateAfter(name, state);
        if (state.status === "CANCELLED") expect(after.status, `${name} from ${key(state)}`).toBe("CANCELLED");
        if (state.paymentStatus === "REFUNDED") expect(after.paymentStatus, `${name} from ${key(state)}`).toBe("REFUNDED");
      }
    }
  });

  it("reaches only these states from the ones a booking may start in", () => {
    const seen = new Set(INSERTABLE);
    const queue = ALL_STATES.filter((s) => canInsert(s));
    for (let state = queue.shift(); state; state = queue.shift()) {
      for (const name of TRANSITION_NAMES.filter((n) => canApply(n, state))) {
        const next = stateAfter(name, state);
        if (!seen.has(key(next))) {
          seen.add(key(next));
          queue.push(next);
        }
      }
    }
    // A refund made in Stripe's dashboard leaves a confirmed booking refunded: the only state a booking cannot start in.
    expect([...seen].sort()).toEqual([...INSERTABLE, "CONFIRMED/REFUNDED"].sort());
  });

  it("starts a free session confirmed, a paid one as an unpaid hold, and one scheduled through Calendly pending", () => {
    expect(initialStatusFor(0)).toEqual({ status: "CONFIRMED", paymentStatus: "NOT_REQUIRED" });
    expect(initialStatusFor(100)).toEqual({ status: "PENDING", paymentStatus: "UNPAID" });
    expect(initialStatusFor(0, { viaCalendly: true })).toEqual({ status: "PENDING", paymentStatus: "NOT_REQUIRED" });
    expect(initialStatusFor(100, { viaCalendly: true })).toEqual({ status: "PENDING", paymentStatus: "UNPAID" });
    for (const price of [0, 100])
      for (const viaCalendly of [false, true]) expect(canInsert(initialStatusFor(price, { viaCalendly }))).toBe(true);
  });
});
