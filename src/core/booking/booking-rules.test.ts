import { describe, expect, it } from "vitest";
import { canTransition, canTransitionPayment, initialStatusFor, statusesThatCanBecome } from "./booking-lifecycle";
import { isLive } from "./booking-predicates";
import { decidePayment } from "./payment-decision";
import { refundAmountCents } from "./refund-policy";
import { holdExpiry } from "./hold";

describe("booking state machine", () => {
  it("allows PENDING -> CONFIRMED/CANCELLED and CONFIRMED -> CANCELLED only; CANCELLED is terminal", () => {
    expect(canTransition("PENDING", "CONFIRMED")).toBe(true);
    expect(canTransition("PENDING", "CANCELLED")).toBe(true);
    expect(canTransition("CONFIRMED", "CANCELLED")).toBe(true);
    expect(canTransition("CONFIRMED", "PENDING")).toBe(false);
    expect(canTransition("CANCELLED", "CONFIRMED")).toBe(false);
    expect(canTransition("CANCELLED", "PENDING")).toBe(false);
    expect(statusesThatCanBecome("CANCELLED").sort()).toEqual(["CONFIRMED", "PENDING"]);
    expect(statusesThatCanBecome("CONFIRMED")).toEqual(["PENDING"]);
  });

  it("never un-refunds a payment", () => {
    expect(canTransitionPayment("UNPAID", "PAID")).toBe(true);
    expect(canTransitionPayment("FAILED", "PAID")).toBe(true);
    expect(canTransitionPayment("PAID", "REFUNDED")).toBe(true);
    expect(canTransitionPayment("REFUNDED", "PAID")).toBe(false);
    expect(canTransitionPayment("NOT_REQUIRED", "PAID")).toBe(false);
  });

  it("starts free sessions confirmed and paid ones as unpaid holds", () => {
    expect(initialStatusFor(0)).toEqual({ status: "CONFIRMED", paymentStatus: "NOT_REQUIRED" });
    expect(initialStatusFor(100)).toEqual({ status: "PENDING", paymentStatus: "UNPAID" });
  });

  it("treats an expired hold as not occupying its slot", () => {
    const now = new Date("2026-11-21T12:00:00Z");
    expect(isLive({ status: "PENDING", holdExpiresAt: new Date("2026-11-21T12:00:01Z") }, now)).toBe(true);
    expect(isLive({ status: "PENDING", holdExpiresAt: now }, now)).toBe(false);
    expect(isLive({ status: "CONFIRMED", holdExpiresAt: null }, now)).toBe(true);
    expect(isLive({ status: "CANCELLED", holdExpiresAt: null }, now)).toBe(false);
  });

  it("holds for the configured minutes plus a minute of margin for Stripe's 30-minute minimum", () => {
    const now = new Date("2026-11-21T12:00:00Z");
    expect(holdExpiry(now, 30).toISOString()).toBe("2026-11-21T12:31:00.000Z");
  });
});

describe("payment decision", () => {
  const pending = { status: "PENDING" as const, paymentStatus: "UNPAID" as const, priceCents: 5000, currency: "usd" };
  it("confirms a matching payment, case-insensitively on currency", () => {
    expect(decidePayment(pending, { amountCents: 5000, currency: "USD" })).toBe("confirm");
  });
  it("never confirms a different amount or currency", () => {
    expect(decidePayment(pending, { amountCents: 4999, currency: "usd" })).toBe("mismatch");
    expect(decidePayment(pending, { amountCents: 5000, currency: "eur" })).toBe("mismatch");
  });
  it("refunds a payment on a cancelled booking and ignores a second report of the same payment", () => {
    expect(decidePayment({ ...pending, status: "CANCELLED" }, { amountCents: 5000, currency: "usd" })).toBe("refund");
    expect(decidePayment({ ...pending, status: "CONFIRMED", paymentStatus: "PAID" }, { amountCents: 5000, currency: "usd" })).toBe(
      "already-applied",
    );
    expect(
      decidePayment({ ...pending, status: "CANCELLED", paymentStatus: "REFUND_PENDING" }, { amountCents: 5000, currency: "usd" }),
    ).toBe("already-applied");
  });
});

describe("refund policy", () => {
  const start = new Date("2026-12-10T15:00:00Z");
  const policy = { fullRefundHoursBefore: 24 };
  const base = { amountPaidCents: 9900, startTime: start, policy, cancelledByClient: true };
  it("refunds in full at least 24 hours ahead, exactly at the cutoff included", () => {
    expect(refundAmountCents({ ...base, now: new Date("2026-12-09T15:00:00Z") })).toBe(9900);
    expect(refundAmountCents({ ...base, now: new Date("2026-12-08T09:00:00Z") })).toBe(9900);
  });
  it("refunds nothing later than that when the client cancels", () => {
    expect(refundAmountCents({ ...base, now: new Date("2026-12-09T15:00:01Z") })).toBe(0);
  });
  it("always refunds in full when the builder or an admin cancels", () => {
    expect(refundAmountCents({ ...base, cancelledByClient: false, now: new Date("2026-12-10T14:00:00Z") })).toBe(9900);
  });
});
