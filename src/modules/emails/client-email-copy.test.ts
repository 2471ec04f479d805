import { describe, expect, it } from "vitest";
import { renderBookingEmail, type EmailBooking } from "./booking-email";

const context = {
  builderBookingUrl: "https://example.test/bookings/b-1",
  rebookUrl: "https://example.test/builders/grace",
  refundPolicy: { fullRefundHoursBefore: 24 },
  now: new Date("2026-03-01T09:00:00Z"),
};

function refused(cancellationReason: string, overrides: Partial<EmailBooking> = {}) {
  const booking: EmailBooking = {
    id: "b-1",
    clientName: "Zoë Client",
    clientEmail: "zoe@example.test",
    clientTimeZone: "Europe/Berlin",
    startTime: new Date("2026-03-08T17:00:00Z"),
    endTime: new Date("2026-03-08T18:00:00Z"),
    priceCents: 12500,
    currency: "usd",
    amountPaidCents: null,
    refundedCents: null,
    cancellationReason,
    cancelledBy: "SYSTEM",
    sessionTitle: "Code review",
    builderName: "Grace Hopper",
    builderEmail: "grace@example.test",
    builderTimeZone: "America/New_York",
    ...overrides,
  };
  return renderBookingEmail("EMAIL_TIME_REFUSED", booking, "https://example.test/bookings/b-1?token=abc", [], context);
}

describe("the email for a Calendly time we refused", () => {
  it("goes to the client, says why in words, and links to the builder's profile to pick another time", () => {
    const email = refused("NOT_BOOKABLE_SHORT_NOTICE");
    expect(email.to).toEqual({ email: "zoe@example.test", name: "Zoë Client" });
    expect(email.subject).toBe("Time not available: Code review with Grace Hopper");
    expect(email.text).toContain("the time you picked on Calendly was too soon: Grace Hopper needs more notice before a session");
    expect(email.text).toContain("When: Sunday 8 March 2026, 18:00–19:00 (Central European Time, Berlin)");
    expect(email.text).toContain("Nothing was charged.");
    expect(email.text).toContain("Pick another time: https://example.test/builders/grace");
    expect(email.text).not.toMatch(/NOT_BOOKABLE|CANCELLED/);
  });

  it.each([
    ["NOT_BOOKABLE_IN_THE_PAST", "the time you picked on Calendly had already passed"],
    ["NOT_BOOKABLE_BEYOND_WINDOW", "is further ahead than Grace Hopper takes bookings"],
    ["NOT_BOOKABLE_NOT_OFFERED", "this session is not currently offered through that Calendly page"],
  ])("%s reads as a reason a client understands", (code, words) => {
    expect(refused(code).text).toContain(words);
  });

  it("tells a client who had already paid that the payment comes back in full", () => {
    expect(refused("NOT_BOOKABLE_IN_THE_PAST", { amountPaidCents: 12500 }).text).toContain("Your payment of $125.00 is refunded in full.");
  });
});
