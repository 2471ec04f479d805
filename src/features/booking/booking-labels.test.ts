import { describe, expect, it } from "vitest";
import { cancellationSummary, isExpiredHold, isOpenHold, paymentStateLabel, reasonLabel } from "./booking-labels";

const now = new Date("2026-12-01T12:00:00Z");
const later = new Date(now.getTime() + 10 * 60_000);
const earlier = new Date(now.getTime() - 10 * 60_000);

describe("booking labels", () => {
  it("shows an open hold as awaiting payment, with a deadline to meet", () => {
    const hold = { status: "PENDING", paymentStatus: "UNPAID", holdExpiresAt: later, cancellationReason: null } as const;
    expect(isOpenHold(hold, now)).toBe(true);
    expect(paymentStateLabel(hold, now)).toBe("Awaiting payment");
  });

  it("says the payment window expired once the deadline passed, before and after the sweep", () => {
    const lapsed = { status: "PENDING", paymentStatus: "UNPAID", holdExpiresAt: earlier, cancellationReason: null } as const;
    expect(isOpenHold(lapsed, now)).toBe(false);
    expect(paymentStateLabel(lapsed, now)).toBe("Payment window expired");
    const swept = { status: "CANCELLED", paymentStatus: "UNPAID", holdExpiresAt: earlier, cancellationReason: "PAYMENT_EXPIRED" } as const;
    expect(isExpiredHold(swept, now)).toBe(true);
    expect(paymentStateLabel(swept, now)).toBe("Payment window expired");
    expect(cancellationSummary({ cancelledBy: "SYSTEM", cancellationReason: "PAYMENT_EXPIRED" })).toBe("Payment window expired");
  });

  it("says an unpaid hold released by its client was not paid", () => {
    const released = { status: "CANCELLED", paymentStatus: "UNPAID", holdExpiresAt: later, cancellationReason: null } as const;
    expect(paymentStateLabel(released, now)).toBe("Not paid");
  });

  it("names who cancelled in words, with their reason", () => {
    expect(cancellationSummary({ cancelledBy: "CLIENT", cancellationReason: "Something came up" })).toBe(
      "Cancelled by the client: Something came up",
    );
    expect(cancellationSummary({ cancelledBy: "CALENDLY_INVITEE", cancellationReason: null })).toBe("Cancelled by the client on Calendly");
    expect(cancellationSummary({ cancelledBy: null, cancellationReason: null })).toBe("Cancelled");
  });

  it("never shows a stored code", () => {
    for (const code of ["PAYMENT_EXPIRED", "RESCHEDULED", "SLOT_TAKEN"]) {
      expect(reasonLabel(code)).not.toMatch(/^[A-Z_]+$/);
      expect(cancellationSummary({ cancelledBy: "SYSTEM", cancellationReason: code })).not.toContain(code);
    }
    expect(reasonLabel("My own words")).toBe("My own words");
  });
});
