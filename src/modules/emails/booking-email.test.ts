import { describe, expect, it } from "vitest";
import { renderBookingEmail, type EmailBooking, type EmailKind } from "./booking-email";

const manageUrl = "https://example.test/bookings/b-1?token=abc";
const context = {
  builderBookingUrl: "https://example.test/bookings/b-1",
  rebookUrl: "https://example.test/builders/grace",
  refundPolicy: { fullRefundHoursBefore: 24 },
  now: new Date("2026-03-01T09:00:00Z"),
};

function booking(overrides: Partial<EmailBooking> = {}): EmailBooking {
  return {
    id: "b-1",
    clientName: "Zoë Client",
    clientEmail: "zoe@example.test",
    clientTimeZone: "Europe/Berlin",
    // 13:00 in New York on the day daylight saving time starts there; 18:00 in Berlin.
    startTime: new Date("2026-03-08T17:00:00Z"),
    endTime: new Date("2026-03-08T18:00:00Z"),
    priceCents: 12500,
    currency: "usd",
    amountPaidCents: 12500,
    refundedCents: 6000,
    cancellationReason: "travel",
    cancelledBy: "CLIENT",
    sessionTitle: "Code review",
    builderName: "Grace Hopper",
    builderEmail: "grace@example.test",
    builderTimeZone: "America/New_York",
    ...overrides,
  };
}

const render = (kind: EmailKind, overrides: Partial<EmailBooking> = {}) =>
  renderBookingEmail(kind, booking(overrides), manageUrl, [], context);

const CLIENT_WHEN = "When: Sunday 8 March 2026, 18:00–19:00 (Central European Time, Berlin)";
const BUILDER_WHEN = "When: Sunday 8 March 2026, 13:00–14:00 (Eastern Time, New York)";

describe("emails to the client", () => {
  it("a confirmation: the time in the client's zone, the price, the cancellation policy and its deadline", () => {
    const email = render("EMAIL_CONFIRMATION");
    expect(email.subject).toBe("Confirmed: Code review with Grace Hopper");
    expect(email.to).toEqual({ email: "zoe@example.test", name: "Zoë Client" });
    expect(email.customArgs).toEqual({ bookingId: "b-1", kind: "EMAIL_CONFIRMATION" });
    expect(email.text).toBe(
      [
        "Hi Zoë Client,",
        "",
        "Your session is confirmed.",
        "",
        "Code review with Grace Hopper",
        CLIENT_WHEN,
        "Price: $125.00",
        "",
        "Cancellation policy: Free cancellation until 24 hours before the start; after that, no refund.",
        "",
        "Cancel before Saturday 7 March 2026, 18:00 (Central European Time, Berlin) for a full refund.",
        "",
        `Manage your booking: ${manageUrl}`,
      ].join("\n"),
    );
    expect(email.html).toMatch(/^<!DOCTYPE html/);
    expect(email.html).toContain("<strong>Code review</strong> with Grace Hopper");
    expect(email.html).toContain(CLIENT_WHEN);
    expect(email.html).toContain(`href="${manageUrl}"`);
    // The lead is also the inbox preview line, which the text part leaves out.
    expect(email.html.split("Your session is confirmed.")).toHaveLength(3);
  });

  it("falls back to the builder's zone when the client's is not known", () => {
    expect(render("EMAIL_REMINDER_CLIENT", { clientTimeZone: null }).text).toContain(BUILDER_WHEN);
  });

  it("a free session states no policy; a deadline already past is not offered", () => {
    expect(render("EMAIL_CONFIRMATION", { priceCents: 0 }).text).not.toContain("Cancellation policy");
    const late = renderBookingEmail("EMAIL_CONFIRMATION", booking(), manageUrl, [], { ...context, now: new Date("2026-03-08T00:00:00Z") });
    expect(late.text).toContain("Cancellation policy:");
    expect(late.text).not.toContain("for a full refund");
  });

  it("a cancellation says who, why, and what happens to the money", () => {
    const refunded = render("EMAIL_CANCELLATION", { refundedCents: 12500, cancelledBy: "BUILDER", cancellationReason: "I am ill" });
    expect(refunded.subject).toBe("Cancelled: Code review with Grace Hopper");
    expect(refunded.text).toContain(`${CLIENT_WHEN}\nPrice: $125.00\nCancelled by: Grace Hopper\nReason: I am ill\n`);
    expect(refunded.text).toContain("A refund of $125.00 is on its way.");

    const late = render("EMAIL_CANCELLATION", { refundedCents: null, cancelledBy: "CLIENT", cancellationReason: null });
    expect(late.text).toContain("Cancelled by: you\n");
    expect(late.text).not.toContain("Reason:");
    expect(late.text).toContain("This cancellation was not refundable ($125.00).");

    const free = render("EMAIL_CANCELLATION", {
      priceCents: 0,
      amountPaidCents: null,
      refundedCents: null,
      cancelledBy: "SYSTEM",
      cancellationReason: "SLOT_TAKEN",
    });
    expect(free.text).toContain("Cancelled by: the marketplace\nReason: the time was no longer available\n");
    expect(free.text).not.toMatch(/refund|SLOT_TAKEN/);
  });

  it("a reschedule gives the new time and the old one", () => {
    const email = render("EMAIL_RESCHEDULE", {
      previous: { startTime: new Date("2026-03-06T17:00:00Z"), endTime: new Date("2026-03-06T18:00:00Z") },
    });
    expect(email.text).toContain(`${CLIENT_WHEN}\nPreviously: `);
    expect(email.text).toContain("Previously: Friday 6 March 2026, 18:00–19:00 (Central European Time, Berlin)");
  });

  it("a payment link gives the deadline in the client's zone and links to the page where they pay", () => {
    const email = render("EMAIL_PAYMENT_LINK", { holdExpiresAt: new Date("2026-03-01T09:30:00Z"), amountPaidCents: null });
    expect(email.subject).toBe("Complete your payment: Code review with Grace Hopper");
    expect(email.text).toContain(
      "Your time is held until Sunday 1 March 2026, 10:30 (Central European Time, Berlin). Pay before then to confirm it.",
    );
    expect(email.text).toContain(`Complete payment: ${manageUrl}`);
  });

  it("an expired hold offers to book again, without raw codes", () => {
    const email = render("EMAIL_HOLD_EXPIRED", { cancellationReason: "PAYMENT_EXPIRED", cancelledBy: "SYSTEM" });
    expect(email.subject).toBe("Payment window expired: Code review with Grace Hopper");
    expect(email.text).toContain("If a payment still goes through, it is refunded in full automatically.");
    expect(email.text).toContain("Book again: https://example.test/builders/grace");
    expect(email.text).not.toMatch(/PAYMENT_EXPIRED|CANCELLED/);
  });

  it("receipts and refund notices", () => {
    expect(render("EMAIL_PAYMENT_RECEIPT", { amountPaidCents: null, priceCents: 9900 }).text).toContain(
      "We received your payment of $99.00.",
    );
    expect(render("EMAIL_REFUND_NOTICE").text).toContain("We refunded $60.00. It can take 5-10 days to appear on your statement.");
  });
});

describe("emails to the builder", () => {
  it.each([
    ["EMAIL_BUILDER_NEW_BOOKING", "New booking: Code review with Zoë Client", "Zoë Client booked a session with you."],
    ["EMAIL_BUILDER_PAYMENT_RECEIVED", "Payment received: Code review with Zoë Client", "Zoë Client paid $125.00 for this session."],
    ["EMAIL_BUILDER_RESCHEDULE", "Rescheduled: Code review with Zoë Client", "Zoë Client's session has been moved to a new time."],
    ["EMAIL_REMINDER_BUILDER", "Reminder: Code review with Zoë Client", "You have a session coming up."],
    ["EMAIL_BUILDER_CANCELLATION", "Cancelled: Code review with Zoë Client", "This session has been cancelled."],
  ] as const)("%s goes to the builder, in the builder's zone", (kind, subject, lead) => {
    const email = render(kind);
    expect(email.to).toEqual({ email: "grace@example.test", name: "Grace Hopper" });
    expect(email.subject).toBe(subject);
    expect(email.text).toContain(`Hi Grace Hopper,\n\n${lead}\n\nCode review with Zoë Client\n${BUILDER_WHEN}\n`);
    expect(email.text).toContain("See the booking: https://example.test/bookings/b-1");
    expect(email.text).not.toContain("token=");
  });

  it("a cancellation says who cancelled, why, and the refund the client gets", () => {
    const byClient = render("EMAIL_BUILDER_CANCELLATION", { refundedCents: null });
    expect(byClient.text).toContain("Client: Zoë Client (zoe@example.test)\nPrice: $125.00\nCancelled by: Zoë Client\nReason: travel\n");
    expect(byClient.text).toContain("Not refundable under your cancellation policy: the payment of $125.00 is kept.");
    const byBuilder = render("EMAIL_BUILDER_CANCELLATION", { refundedCents: 12500, cancelledBy: "BUILDER" });
    expect(byBuilder.text).toContain("Cancelled by: you\n");
    expect(byBuilder.text).toContain("The client is refunded $125.00.");
  });

  it("refuses to render without the builder's address", () => {
    expect(() => render("EMAIL_BUILDER_NEW_BOOKING", { builderEmail: undefined })).toThrow(/no email address/);
  });
});

describe("the dynamic template and user input", () => {
  it("feeds a SendGrid dynamic template the same facts", () => {
    const email = render("EMAIL_PAYMENT_RECEIPT");
    expect(email.templateData).toEqual({
      kind: "EMAIL_PAYMENT_RECEIPT",
      subject: "Receipt: Code review with Grace Hopper",
      lead: "We received your payment of $125.00.",
      recipientName: "Zoë Client",
      clientName: "Zoë Client",
      sessionTitle: "Code review",
      builderName: "Grace Hopper",
      when: "Sunday 8 March 2026, 18:00–19:00 (Central European Time, Berlin)",
      startTime: "2026-03-08T17:00:00.000Z",
      price: "$125.00",
      details: `${CLIENT_WHEN}\nPrice: $125.00`,
      notes: "",
      actionLabel: "Manage your booking",
      actionUrl: manageUrl,
      manageUrl,
      bookingId: "b-1",
    });
  });

  it("escapes what users typed in the HTML part and keeps it verbatim in the text part", () => {
    const email = render("EMAIL_CANCELLATION", {
      clientName: "Zoë <script>alert(1)</script>",
      sessionTitle: `Q&A <img src=x onerror="alert(2)">`,
      builderName: "Grace <b>Hopper</b>",
      cancellationReason: "<a href='https://evil.test'>click</a>",
    });
    const { html } = email;
    expect(html).not.toMatch(/<script|<img|<b>|evil\.test'>/);
    expect(html).toContain("Hi Zoë &lt;script&gt;alert(1)&lt;/script&gt;,");
    expect(html).toContain("<strong>Q&amp;A &lt;img src=x onerror=&quot;alert(2)&quot;&gt;</strong> with Grace &lt;b&gt;Hopper&lt;/b&gt;");
    expect(html).toContain("Reason: &lt;a href=&#x27;https://evil.test&#x27;&gt;click&lt;/a&gt;");
    expect(email.text).toContain("Hi Zoë <script>alert(1)</script>,");
    expect(email.text).toContain(`Q&A <img src=x onerror="alert(2)"> with Grace <b>Hopper</b>`);
    expect(email.text).toContain("Reason: <a href='https://evil.test'>click</a>");
  });
});
