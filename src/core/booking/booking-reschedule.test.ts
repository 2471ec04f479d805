import { describe, expect, it } from "vitest";
import { rescheduleCutoff, rescheduleMoneyNotes, rescheduleRefusal, type ReschedulableBooking } from "./booking-reschedule";

const policy = { fullRefundHoursBefore: 24 };
const now = new Date("2026-12-01T12:00:00Z");
const hoursFromNow = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

const paid: ReschedulableBooking = {
  status: "CONFIRMED",
  paymentStatus: "PAID",
  priceCents: 15_000,
  startTime: hoursFromNow(48),
  onCalendly: false,
};
const free: ReschedulableBooking = { ...paid, paymentStatus: "NOT_REQUIRED", priceCents: 0 };
const reasonFor = (booking: ReschedulableBooking, by: "CLIENT" | "BUILDER" | "ADMIN" = "CLIENT") =>
  rescheduleRefusal(booking, { by, now, policy })?.reason ?? null;

describe("who may move a booking, and until when", () => {
  it("lets the client, the builder and an operator move a confirmed booking before the cutoff", () => {
    expect([reasonFor(paid, "CLIENT"), reasonFor(paid, "BUILDER"), reasonFor(paid, "ADMIN"), reasonFor(free)]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it("refuses a paid booking past the policy cutoff, except to an operator", () => {
    const late = { ...paid, startTime: hoursFromNow(23) };
    expect(reasonFor(late, "CLIENT")).toBe("cutoff");
    expect(reasonFor(late, "BUILDER")).toBe("cutoff");
    expect(reasonFor(late, "ADMIN")).toBeNull();
    expect(rescheduleRefusal(late, { by: "CLIENT", now, policy })?.message).toBe(
      "Bookings can be moved until 24 hours before the start, so this one can no longer be moved",
    );
  });

  it("allows a paid booking exactly at the cutoff (the cancel dialog still refunds then)", () => {
    expect(reasonFor({ ...paid, startTime: hoursFromNow(24) })).toBeNull();
  });

  it("lets a free booking move until it starts, and nobody after", () => {
    expect(reasonFor({ ...free, startTime: hoursFromNow(1) })).toBeNull();
    expect(reasonFor({ ...free, startTime: now }, "ADMIN")).toBe("started");
    expect(reasonFor({ ...paid, startTime: hoursFromNow(-1) }, "ADMIN")).toBe("started");
  });

  it("only moves a confirmed booking whose payment is kept or not required", () => {
    expect(reasonFor({ ...paid, status: "PENDING", paymentStatus: "UNPAID" })).toBe("not-confirmed");
    expect(reasonFor({ ...paid, status: "CANCELLED" })).toBe("not-confirmed");
    expect(rescheduleRefusal({ ...paid, status: "CANCELLED" }, { by: "CLIENT", now, policy })?.message).toBe(
      "This booking is cancelled, so it can't be moved",
    );
    expect(reasonFor({ ...paid, paymentStatus: "REFUND_PENDING" })).toBe("payment");
  });

  it("sends a Calendly booking to Calendly, whoever asks", () => {
    expect(reasonFor({ ...paid, onCalendly: true }, "ADMIN")).toBe("calendly");
  });

  it("words a zero-hour policy without a number", () => {
    const late = { ...paid, startTime: hoursFromNow(1) };
    expect(rescheduleRefusal(late, { by: "CLIENT", now, policy: { fullRefundHoursBefore: 0 } })).toBeNull();
    expect(rescheduleRefusal(late, { by: "CLIENT", now, policy: { fullRefundHoursBefore: 2 } })?.message).toBe(
      "Bookings can be moved until 2 hours before the start, so this one can no longer be moved",
    );
  });

  it("has a cutoff only for paid bookings", () => {
    expect(rescheduleCutoff(paid, policy)?.toISOString()).toBe(hoursFromNow(24).toISOString());
    expect(rescheduleCutoff(free, policy)).toBeNull();
  });
});

describe("what the review says about money", () => {
  it("says the payment carries over, and warns when the new time is past the cutoff", () => {
    expect(rescheduleMoneyNotes(paid, hoursFromNow(30), { now, policy })).toEqual([
      "Your payment carries over: nothing more to pay, nothing refunded.",
    ]);
    expect(rescheduleMoneyNotes(paid, hoursFromNow(5), { now, policy })).toEqual([
      "Your payment carries over: nothing more to pay, nothing refunded.",
      "The new time is less than 24 hours away: cancelling it would not be refundable.",
    ]);
  });

  it("says nothing about money for a free session", () => {
    expect(rescheduleMoneyNotes(free, hoursFromNow(5), { now, policy })).toEqual([]);
  });
});
