import { describe, expect, it } from "vitest";
import { comparePayment, type BookingMoney, type StripePayment } from "./compare-payment";

const paid: StripePayment = {
  bookingId: "bk_1",
  checkoutSessionId: "cs_1",
  paymentIntentId: "pi_1",
  paid: true,
  amountTotal: 4900,
  amountReceived: 4900,
  currency: "usd",
  refundedCents: 0,
};
const booking = (over: Partial<BookingMoney> = {}): BookingMoney => ({
  id: "bk_1",
  paymentStatus: "PAID",
  priceCents: 4900,
  currency: "usd",
  amountPaidCents: 4900,
  refundedCents: null,
  ...over,
});
const kinds = (payment: StripePayment | null, b: BookingMoney) => comparePayment(payment, b).map((m) => m.kind);

describe("comparePayment", () => {
  it("finds nothing when Stripe and the booking agree", () => {
    expect(comparePayment(paid, booking())).toEqual([]);
    expect(comparePayment({ ...paid, refundedCents: 2450 }, booking({ paymentStatus: "REFUNDED", refundedCents: 2450 }))).toEqual([]);
    // Our own refund on its way (outbox): not a mismatch yet.
    expect(comparePayment(paid, booking({ paymentStatus: "REFUND_PENDING", refundedCents: 4900 }))).toEqual([]);
    // Nothing paid on either side.
    expect(comparePayment(null, booking({ paymentStatus: "UNPAID", amountPaidCents: null }))).toEqual([]);
    expect(comparePayment({ ...paid, paid: false }, booking({ paymentStatus: "FAILED", amountPaidCents: null }))).toEqual([]);
  });

  it("paid in Stripe, not here (a free booking included)", () => {
    expect(kinds(paid, booking({ paymentStatus: "UNPAID", amountPaidCents: null }))).toEqual(["paid-not-recorded"]);
    expect(kinds(paid, booking({ paymentStatus: "NOT_REQUIRED", priceCents: 0, amountPaidCents: null }))).toEqual([
      "paid-not-recorded",
      "amount-differs",
    ]);
  });

  it("recorded as paid here, not paid in Stripe", () => {
    for (const paymentStatus of ["PAID", "REFUND_PENDING", "REFUNDED"] as const) {
      expect(kinds(null, booking({ paymentStatus }))).toEqual(["recorded-not-paid"]);
      expect(kinds({ ...paid, paid: false }, booking({ paymentStatus }))).toEqual(["recorded-not-paid"]);
    }
  });

  it("amounts that differ: charged vs price, currency, received vs recorded", () => {
    expect(comparePayment({ ...paid, amountTotal: 5000, amountReceived: 5000 }, booking())).toEqual([
      { kind: "amount-differs", reason: "Stripe reconciliation: Stripe charged 50.00 USD, the booking's price is 49.00 USD." },
    ]);
    expect(kinds({ ...paid, currency: "eur" }, booking())).toEqual(["amount-differs"]);
    expect(comparePayment({ ...paid, amountReceived: 4000 }, booking())).toEqual([
      { kind: "amount-differs", reason: "Stripe reconciliation: Stripe received 40.00 USD, 49.00 USD recorded as paid here." },
    ]);
  });

  it("refunds: not recorded, different, more than owed", () => {
    expect(comparePayment({ ...paid, refundedCents: 1500 }, booking())).toEqual([
      { kind: "refund-not-recorded", reason: "Stripe reconciliation: refunded 15.00 USD in Stripe (payment pi_1), not recorded here." },
    ]);
    expect(kinds({ ...paid, refundedCents: 4900 }, booking({ paymentStatus: "REFUNDED", refundedCents: 2450 }))).toEqual([
      "refund-differs",
    ]);
    expect(kinds(paid, booking({ paymentStatus: "REFUNDED", refundedCents: 4900 }))).toEqual(["refund-differs"]);
    expect(kinds({ ...paid, refundedCents: 4900 }, booking({ paymentStatus: "REFUND_PENDING", refundedCents: 2450 }))).toEqual([
      "refund-differs",
    ]);
  });

  it("gives the same text on every run, so a repeated finding is not appended again", () => {
    const b = booking({ paymentStatus: "UNPAID", amountPaidCents: null });
    expect(comparePayment(paid, b)).toEqual(comparePayment({ ...paid }, { ...b }));
    expect(comparePayment(paid, b)[0]?.reason).toBe(
      "Stripe reconciliation: paid in Stripe (49.00 USD, payment pi_1) but not recorded as paid here.",
    );
  });
});
