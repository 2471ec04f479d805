import { describe, expect, it } from "vitest";
import { BOOKING_STATUSES, PAYMENT_STATUSES, canInsert, type BookingState } from "./booking-lifecycle";
import { isAwaitingPayment, isHoldExpired, isLive, isPaymentSettled } from "./booking-predicates";
import {
  cancellationReason,
  cancellationRefusal,
  cancellationTransition,
  refundDueOnCancel,
  timeRefusalOf,
  successorState,
  type CancellationCause,
  type Canceller,
} from "./booking-cancellation";
import { owedOnCancel, owedOnInsert } from "./booking-effects";
import { TIME_REFUSALS } from "./calendly-time-rule";

const now = new Date("2026-12-01T12:00:00Z");
const hour = 3_600_000;
const at = (hours: number) => new Date(now.getTime() + hours * hour);
const CANCELLERS: Canceller[] = ["CLIENT", "BUILDER", "ADMIN", "SYSTEM", "CALENDLY_HOST", "CALENDLY_INVITEE"];

describe("live and unpaid", () => {
  it.each(BOOKING_STATUSES)("%s: live exactly when confirmed or an unexpired (or unlimited) hold", (status) => {
    for (const [hold, heldNow] of [
      [null, true],
      [at(1), true],
      [now, false],
      [at(-1), false],
    ] as const) {
      const expected = status === "CONFIRMED" || (status === "PENDING" && heldNow);
      expect(isLive({ status, holdExpiresAt: hold }, now), `${status} hold ${String(hold)}`).toBe(expected);
    }
  });

  it.each(PAYMENT_STATUSES)("%s: awaiting payment only when UNPAID or FAILED; settled only once money arrived", (p) => {
    expect(isAwaitingPayment(p)).toBe(p === "UNPAID" || p === "FAILED");
    expect(isPaymentSettled(p)).toBe(p === "PAID" || p === "REFUND_PENDING" || p === "REFUNDED");
  });

  it("calls a hold expired only when it is pending, not paid and its time is up", () => {
    const hold = (s: Partial<BookingState>, holdExpiresAt: Date | null) =>
      isHoldExpired({ status: "PENDING", paymentStatus: "UNPAID", ...s, holdExpiresAt }, now);
    expect(hold({}, now)).toBe(true);
    expect(hold({ paymentStatus: "FAILED" }, at(-1))).toBe(true);
    expect(hold({ paymentStatus: "NOT_REQUIRED" }, at(-1))).toBe(true);
    expect(hold({}, at(1))).toBe(false);
    expect(hold({}, null)).toBe(false);
    expect(hold({ paymentStatus: "PAID" }, at(-1))).toBe(false);
    expect(hold({ status: "CONFIRMED" }, at(-1))).toBe(false);
    expect(hold({ status: "CANCELLED" }, at(-1))).toBe(false);
  });
});

describe("who may cancel", () => {
  const upcoming = { status: "CONFIRMED" as const, startTime: at(2), endTime: at(3) };
  const started = { ...upcoming, startTime: at(-1), endTime: at(1) };
  const over = { ...upcoming, startTime: at(-2), endTime: at(-1) };

  it.each(CANCELLERS)("%s cannot cancel a cancelled booking", (by) => {
    expect(cancellationRefusal({ ...upcoming, status: "CANCELLED" }, by, now)).toBe("This booking is already cancelled");
  });

  it.each(CANCELLERS)("%s may cancel an upcoming booking", (by) => {
    expect(cancellationRefusal(upcoming, by, now)).toBeNull();
    expect(cancellationRefusal({ ...upcoming, status: "PENDING" }, by, now)).toBeNull();
  });

  it("lets the builder and an admin cancel a session under way, not the client", () => {
    expect(cancellationRefusal(started, "CLIENT", now)).toBe("A session that has started can no longer be cancelled");
    expect(cancellationRefusal(started, "BUILDER", now)).toBeNull();
    expect(cancellationRefusal(started, "ADMIN", now)).toBeNull();
  });

  it("refuses people in our app a session that is over; the system and Calendly act on facts whenever they arrive", () => {
    expect(cancellationRefusal(over, "CLIENT", now)).toBe("A session that has started can no longer be cancelled");
    expect(cancellationRefusal(over, "BUILDER", now)).toBe("This session is already over");
    expect(cancellationRefusal(over, "ADMIN", now)).toBe("This session is already over");
    for (const by of ["SYSTEM", "CALENDLY_HOST", "CALENDLY_INVITEE"] as const) expect(cancellationRefusal(over, by, now)).toBeNull();
  });
});

describe("refunds on cancellation", () => {
  const paid = { paymentStatus: "PAID" as const, amountPaidCents: 9900, startTime: at(48) };
  const policy = { fullRefundHoursBefore: 24 };
  const due = (b: typeof paid, by: Canceller, cause: CancellationCause = "request", when = now) =>
    refundDueOnCancel(b, { by, cause, now: when, policy });

  it("refunds the client side per the policy and everyone else's cancellation in full", () => {
    expect(due(paid, "CLIENT")).toBe(9900);
    expect(due(paid, "CALENDLY_INVITEE")).toBe(9900);
    const late = { ...paid, startTime: at(2) };
    expect(due(late, "CLIENT")).toBe(0);
    expect(due(late, "CALENDLY_INVITEE")).toBe(0);
    for (const by of ["BUILDER", "ADMIN", "SYSTEM", "CALENDLY_HOST"] as const) expect(due(late, by), by).toBe(9900);
  });

  it("refunds only a kept payment, and never the old half of a reschedule", () => {
    for (const paymentStatus of PAYMENT_STATUSES.filter((p) => p !== "PAID"))
      expect(due({ ...paid, paymentStatus } as never, "ADMIN")).toBe(0);
    expect(due(paid, "CALENDLY_INVITEE", "rescheduled")).toBe(0);
  });

  it("picks the transition: an expired hold, a cancellation with a refund, or a plain one", () => {
    expect(cancellationTransition("hold-expired", 0)).toBe("expireHold");
    expect(cancellationTransition("request", 100)).toBe("cancelAndRefund");
    expect(cancellationTransition("slot-taken", 100)).toBe("cancelAndRefund");
    expect(cancellationTransition("request", 0)).toBe("cancel");
    expect(cancellationTransition("rescheduled", 0)).toBe("cancel");
  });

  it("stores a code for system causes and the requester's words otherwise", () => {
    expect(cancellationReason("hold-expired", "ignored")).toBe("PAYMENT_EXPIRED");
    expect(cancellationReason("rescheduled", null)).toBe("RESCHEDULED");
    expect(cancellationReason("slot-taken", null)).toBe("SLOT_TAKEN");
    expect(cancellationReason("request", "Builder is ill")).toBe("Builder is ill");
    expect(cancellationReason("request", null)).toBeNull();
  });

  it("stores one code per refused Calendly time, and reads the refusal back from it", () => {
    expect(cancellationReason("not-bookable", "in-the-past")).toBe("NOT_BOOKABLE_IN_THE_PAST");
    expect(cancellationReason("not-bookable", "short-notice")).toBe("NOT_BOOKABLE_SHORT_NOTICE");
    expect(cancellationReason("not-bookable", "beyond-window")).toBe("NOT_BOOKABLE_BEYOND_WINDOW");
    expect(cancellationReason("not-bookable", "not-offered")).toBe("NOT_BOOKABLE_NOT_OFFERED");
    expect(cancellationReason("not-bookable", "something else")).toBe("NOT_BOOKABLE");
    for (const refusal of TIME_REFUSALS) expect(timeRefusalOf(cancellationReason("not-bookable", refusal))).toBe(refusal);
    expect(timeRefusalOf("SLOT_TAKEN")).toBeNull();
    expect(timeRefusalOf(null)).toBeNull();
    // A refused time is never refunded by policy: the system cancelled, so a payment already made comes back in full.
    expect(
      refundDueOnCancel(
        { paymentStatus: "PAID", amountPaidCents: 5000, startTime: at(1) },
        { by: "SYSTEM", cause: "not-bookable", now, policy: { fullRefundHoursBefore: 24 } },
      ),
    ).toBe(5000);
  });
});

describe("the new half of a reschedule", () => {
  it.each(PAYMENT_STATUSES)(
    "carries on a live booking's payment %s, and always starts in a state the lifecycle allows",
    (paymentStatus) => {
      for (const status of BOOKING_STATUSES) {
        for (const cancellationReason of [null, "RESCHEDULED", "Changed my mind"]) {
          const next = successorState({ status, paymentStatus, cancellationReason });
          expect(canInsert(next), `${status}/${paymentStatus} ${cancellationReason}`).toBe(true);
        }
      }
    },
  );

  it("confirms a paid or free move, keeps an unpaid one on hold, and keeps a cancelled booking cancelled", () => {
    expect(successorState({ status: "CONFIRMED", paymentStatus: "PAID", cancellationReason: null })).toEqual({
      status: "CONFIRMED",
      paymentStatus: "PAID",
    });
    expect(successorState({ status: "CANCELLED", paymentStatus: "NOT_REQUIRED", cancellationReason: "RESCHEDULED" })).toEqual({
      status: "CONFIRMED",
      paymentStatus: "NOT_REQUIRED",
    });
    expect(successorState({ status: "PENDING", paymentStatus: "FAILED", cancellationReason: null })).toEqual({
      status: "PENDING",
      paymentStatus: "FAILED",
    });
    expect(successorState({ status: "CANCELLED", paymentStatus: "PAID", cancellationReason: "Changed my mind" })).toEqual({
      status: "CANCELLED",
      paymentStatus: "PAID",
    });
  });
});

describe("side effects owed", () => {
  it("announces a confirmed insert to both sides with reminders, as a reschedule for a moved booking, and undoes our own cancelled record on Calendly", () => {
    const confirmed = { status: "CONFIRMED", paymentStatus: "NOT_REQUIRED" } as const;
    const cancelled = { status: "CANCELLED", paymentStatus: "UNPAID" } as const;
    const reminders = ["EMAIL_REMINDER_CLIENT", "EMAIL_REMINDER_BUILDER"];
    expect(owedOnInsert({ state: confirmed, rescheduled: false, onCalendly: true, cancelledBy: null })).toEqual([
      "EMAIL_CONFIRMATION",
      "EMAIL_BUILDER_NEW_BOOKING",
      ...reminders,
    ]);
    expect(owedOnInsert({ state: confirmed, rescheduled: true, onCalendly: true, cancelledBy: null })).toEqual([
      "EMAIL_RESCHEDULE",
      "EMAIL_BUILDER_RESCHEDULE",
      ...reminders,
    ]);
    // A paid hold Calendly created: no page of ours is open, so the client is sent a payment link.
    expect(
      owedOnInsert({ state: { status: "PENDING", paymentStatus: "UNPAID" }, rescheduled: false, onCalendly: true, cancelledBy: null }),
    ).toEqual(["EMAIL_PAYMENT_LINK"]);
    expect(
      owedOnInsert({ state: { status: "PENDING", paymentStatus: "UNPAID" }, rescheduled: true, onCalendly: true, cancelledBy: null }),
    ).toEqual(["EMAIL_PAYMENT_LINK"]);
    // Our own booking form opens Checkout itself.
    expect(
      owedOnInsert({ state: { status: "PENDING", paymentStatus: "UNPAID" }, rescheduled: false, onCalendly: false, cancelledBy: null }),
    ).toEqual([]);
    expect(owedOnInsert({ state: cancelled, rescheduled: false, onCalendly: true, cancelledBy: "SYSTEM" })).toEqual(["CALENDLY_CANCEL"]);
    expect(owedOnInsert({ state: cancelled, rescheduled: false, onCalendly: true, cancelledBy: "CALENDLY_HOST" })).toEqual([]);
    expect(owedOnInsert({ state: cancelled, rescheduled: false, onCalendly: false, cancelledBy: "SYSTEM" })).toEqual([]);
  });

  it("a Calendly time recorded refused: undone on Calendly and the client told why; a paid one owes no payment link", () => {
    const refused = {
      state: { status: "CANCELLED", paymentStatus: "NOT_REQUIRED" } as const,
      rescheduled: false,
      onCalendly: true,
      cancelledBy: "SYSTEM" as const,
      cause: "not-bookable" as const,
    };
    expect(owedOnInsert(refused)).toEqual(["CALENDLY_CANCEL", "EMAIL_TIME_REFUSED"]);
    expect(owedOnInsert({ ...refused, state: { status: "CANCELLED", paymentStatus: "UNPAID" } })).toEqual([
      "CALENDLY_CANCEL",
      "EMAIL_TIME_REFUSED",
    ]);
    expect(owedOnInsert({ ...refused, cause: "slot-taken" })).toEqual(["CALENDLY_CANCEL"]);
  });

  const cancel = (over: Partial<Parameters<typeof owedOnCancel>[0]>) =>
    owedOnCancel({
      before: { status: "CONFIRMED", paymentStatus: "PAID" },
      cause: "request",
      by: "CLIENT",
      refunding: false,
      onCalendly: false,
      checkoutOpened: false,
      ...over,
    });

  it("tells client and builder only about a booking they were told was confirmed, and not for a reschedule", () => {
    expect(cancel({})).toEqual(["EMAIL_CANCELLATION", "EMAIL_BUILDER_CANCELLATION"]);
    expect(cancel({ by: "BUILDER" })).toEqual(["EMAIL_CANCELLATION", "EMAIL_BUILDER_CANCELLATION"]);
    expect(cancel({ before: { status: "PENDING", paymentStatus: "UNPAID" } })).toEqual([]);
    expect(cancel({ cause: "rescheduled", by: "CALENDLY_INVITEE" })).toEqual([]);
  });

  it("owes the refund, the Calendly cancellation unless Calendly cancelled, and closes an unpaid hold's Checkout", () => {
    expect(cancel({ refunding: true, onCalendly: true, by: "BUILDER" })).toEqual([
      "EMAIL_CANCELLATION",
      "EMAIL_BUILDER_CANCELLATION",
      "STRIPE_REFUND",
      "CALENDLY_CANCEL",
    ]);
    expect(cancel({ onCalendly: true, by: "CALENDLY_HOST" })).toEqual(["EMAIL_CANCELLATION", "EMAIL_BUILDER_CANCELLATION"]);
    const hold = { status: "PENDING", paymentStatus: "UNPAID" } as const;
    expect(cancel({ before: hold, checkoutOpened: true })).toEqual(["STRIPE_EXPIRE_CHECKOUT"]);
    expect(cancel({ before: { ...hold, paymentStatus: "FAILED" }, checkoutOpened: true })).toEqual(["STRIPE_EXPIRE_CHECKOUT"]);
    // An expired hold's Checkout Session expires with it (same instant): nothing to close. The
    // client hears that the time was released, with a way to book again.
    expect(cancel({ before: hold, checkoutOpened: true, cause: "hold-expired", by: "SYSTEM", onCalendly: true })).toEqual([
      "EMAIL_HOLD_EXPIRED",
      "CALENDLY_CANCEL",
    ]);
    expect(cancel({ before: hold, checkoutOpened: false })).toEqual([]);
    // A free hold never finished on Calendly had no payment window: nothing to tell.
    const freeHold = { status: "PENDING", paymentStatus: "NOT_REQUIRED" } as const;
    expect(cancel({ before: freeHold, cause: "hold-expired", by: "SYSTEM" })).toEqual([]);
  });

  it("a hold whose Calendly time is refused: the client told why, the event undone, an opened Checkout closed, nothing else", () => {
    const hold = { status: "PENDING", paymentStatus: "UNPAID" } as const;
    expect(cancel({ before: hold, cause: "not-bookable", by: "SYSTEM", onCalendly: true })).toEqual([
      "EMAIL_TIME_REFUSED",
      "CALENDLY_CANCEL",
    ]);
    expect(cancel({ before: hold, cause: "not-bookable", by: "SYSTEM", onCalendly: true, checkoutOpened: true })).toEqual([
      "EMAIL_TIME_REFUSED",
      "CALENDLY_CANCEL",
      "STRIPE_EXPIRE_CHECKOUT",
    ]);
  });
});
