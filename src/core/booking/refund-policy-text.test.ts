import { describe, expect, it } from "vitest";
import {
  cancellationOutcome,
  cancellationOutcomeText,
  cancellationResultText,
  clientCancellationOutcome,
  refundCutoff,
  refundPolicySentence,
} from "./refund-policy-text";

const policy = { fullRefundHoursBefore: 24 };
const now = new Date("2026-12-01T12:00:00Z");
const hoursFromNow = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

describe("refundPolicySentence", () => {
  it("names the cutoff in hours", () => {
    expect(refundPolicySentence(policy)).toBe("Free cancellation until 24 hours before the start; after that, no refund.");
  });

  it("says 1 hour, not 1 hours", () => {
    expect(refundPolicySentence({ fullRefundHoursBefore: 1 })).toBe(
      "Free cancellation until 1 hour before the start; after that, no refund.",
    );
  });

  it("says until the start when there is no cutoff", () => {
    expect(refundPolicySentence({ fullRefundHoursBefore: 0 })).toBe("Free cancellation until the start; after that, no refund.");
  });
});

describe("refundCutoff", () => {
  it("is the start minus the policy hours", () => {
    expect(refundCutoff(hoursFromNow(30), policy).toISOString()).toBe(hoursFromNow(6).toISOString());
  });
});

describe("cancellation outcome before the click", () => {
  it("says nothing about money for a free session", () => {
    const outcome = clientCancellationOutcome({ paidCents: 0, currency: "usd", startTime: hoursFromNow(2), now, policy });
    expect(outcome).toEqual({ kind: "none" });
    expect(cancellationOutcomeText(outcome)).toBeNull();
  });

  it("promises the full refund before the cutoff", () => {
    const outcome = clientCancellationOutcome({ paidCents: 15_000, currency: "usd", startTime: hoursFromNow(48), now, policy });
    expect(cancellationOutcomeText(outcome)).toBe("You will be refunded $150.00");
  });

  it("still refunds exactly at the cutoff", () => {
    const outcome = clientCancellationOutcome({ paidCents: 15_000, currency: "usd", startTime: hoursFromNow(24), now, policy });
    expect(outcome.kind).toBe("refund");
  });

  it("says not refundable after the cutoff, with the amount kept", () => {
    const outcome = clientCancellationOutcome({ paidCents: 15_000, currency: "usd", startTime: hoursFromNow(23), now, policy });
    expect(cancellationOutcomeText(outcome)).toBe("Cancelling now is not refundable ($150.00)");
  });

  it("formats the booking's currency", () => {
    const outcome = clientCancellationOutcome({ paidCents: 4_250, currency: "eur", startTime: hoursFromNow(48), now, policy });
    expect(cancellationOutcomeText(outcome)).toBe("You will be refunded €42.50");
  });

  it("spells out a partial refund", () => {
    const outcome = cancellationOutcome({ paidCents: 15_000, refundCents: 5_000, currency: "usd" });
    expect(cancellationOutcomeText(outcome)).toBe("You will be refunded $50.00; $100.00 is not refundable");
  });

  it("treats a builder-side full refund as a refund", () => {
    expect(cancellationOutcome({ paidCents: 15_000, refundCents: 15_000, currency: "usd" }).kind).toBe("refund");
  });
});

describe("cancellation result for emails", () => {
  it("reports the refund", () => {
    expect(cancellationResultText(cancellationOutcome({ paidCents: 15_000, refundCents: 15_000, currency: "usd" }))).toBe(
      "A refund of $150.00 is on its way",
    );
  });

  it("reports a forfeit", () => {
    expect(cancellationResultText(cancellationOutcome({ paidCents: 15_000, refundCents: 0, currency: "usd" }))).toBe(
      "This cancellation was not refundable ($150.00)",
    );
  });

  it("says nothing for a free session", () => {
    expect(cancellationResultText(cancellationOutcome({ paidCents: 0, refundCents: 0, currency: "usd" }))).toBeNull();
  });
});
