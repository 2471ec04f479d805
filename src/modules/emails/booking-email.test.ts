import { describe, expect, it } from "vitest";
import { renderBookingEmail, type EmailBooking, type EmailKind } from "./booking-email";

const manageUrl = "https://example.test/bookings/b-1?token=abc";

function booking(overrides: Partial<EmailBooking> = {}): EmailBooking {
  return {
    id: "b-1",
    clientName: "Zoë Client",
    clientEmail: "zoe@example.test",
    // 13:00 in New York on the day daylight saving time starts there.
    startTime: new Date("2026-03-08T17:00:00Z"),
    endTime: new Date("2026-03-08T18:00:00Z"),
    priceCents: 12500,
    currency: "usd",
    amountPaidCents: 12500,
    refundedCents: 6000,
    cancellationReason: "Cancelled by client: travel",
    sessionTitle: "Code review",
    builderName: "Grace Hopper",
    builderTimeZone: "America/New_York",
    ...overrides,
  };
}

const kinds: { kind: EmailKind; subject: string; lead: string }[] = [
  { kind: "EMAIL_CONFIRMATION", subject: "Confirmed: Code review with Grace Hopper", lead: "Your session is confirmed." },
  { kind: "EMAIL_PAYMENT_RECEIPT", subject: "Receipt: Code review with Grace Hopper", lead: "We received your payment of $125.00." },
  {
    kind: "EMAIL_CANCELLATION",
    subject: "Cancelled: Code review with Grace Hopper",
    lead: "Your session has been cancelled (Cancelled by client: travel).",
  },
  { kind: "EMAIL_RESCHEDULE", subject: "Rescheduled: Code review with Grace Hopper", lead: "Your session has been moved to a new time." },
  {
    kind: "EMAIL_REFUND_NOTICE",
    subject: "Refund issued: Code review with Grace Hopper",
    lead: "We refunded $60.00. It can take 5-10 days to appear on your statement.",
  },
];

describe("the five booking emails", () => {
  it.each(kinds)("$kind carries every fact in both parts, from one template", ({ kind, subject, lead }) => {
    const email = renderBookingEmail(kind, booking(), manageUrl);
    expect(email.subject).toBe(subject);
    expect(email.to).toEqual({ email: "zoe@example.test", name: "Zoë Client" });
    expect(email.customArgs).toEqual({ bookingId: "b-1", kind });
    expect(email.text).toBe(
      [
        "Hi Zoë Client,",
        "",
        lead,
        "",
        "Code review with Grace Hopper",
        "When: Sunday 8 March 2026, 13:00 EDT",
        "Price: $125.00",
        "",
        `Manage your booking: ${manageUrl}`,
      ].join("\n"),
    );
    const { html } = email;
    expect(html).toMatch(/^<!DOCTYPE html/);
    for (const fact of ["Hi Zoë Client,", lead, "<strong>Code review</strong> with Grace Hopper", "When: Sunday 8 March 2026, 13:00 EDT"]) {
      expect(html).toContain(fact);
    }
    expect(html).toContain("Price: $125.00");
    expect(html).toContain(`href="${manageUrl}"`);
    // The lead is also the inbox preview line, which the text part leaves out.
    expect(html.split(lead)).toHaveLength(3);
  });

  it("feeds a SendGrid dynamic template the same facts", () => {
    const email = renderBookingEmail("EMAIL_PAYMENT_RECEIPT", booking(), manageUrl);
    expect(email.templateData).toEqual({
      kind: "EMAIL_PAYMENT_RECEIPT",
      subject: "Receipt: Code review with Grace Hopper",
      lead: "We received your payment of $125.00.",
      clientName: "Zoë Client",
      sessionTitle: "Code review",
      builderName: "Grace Hopper",
      when: "Sunday 8 March 2026, 13:00 EDT",
      startTime: "2026-03-08T17:00:00.000Z",
      price: "$125.00",
      manageUrl,
      bookingId: "b-1",
    });
  });

  it("words the variants: no reason given, payment amount unknown yet, a free session, a non-whole-hour zone", () => {
    expect(renderBookingEmail("EMAIL_CANCELLATION", booking({ cancellationReason: null }), manageUrl).text).toContain(
      "Your session has been cancelled.\n",
    );
    expect(renderBookingEmail("EMAIL_PAYMENT_RECEIPT", booking({ amountPaidCents: null, priceCents: 9900 }), manageUrl).text).toContain(
      "We received your payment of $99.00.",
    );
    const free = renderBookingEmail("EMAIL_CONFIRMATION", booking({ priceCents: 0, builderTimeZone: "Asia/Kathmandu" }), manageUrl);
    expect(free.text).toContain("When: Sunday 8 March 2026, 22:45 GMT+5:45\nPrice: Free\n");
    expect(free.html).toContain("Price: Free");
  });

  it("escapes what users typed in the HTML part and keeps it verbatim in the text part", () => {
    const email = renderBookingEmail(
      "EMAIL_CANCELLATION",
      booking({
        clientName: "Zoë <script>alert(1)</script>",
        sessionTitle: `Q&A <img src=x onerror="alert(2)">`,
        builderName: "Grace <b>Hopper</b>",
        cancellationReason: "<a href='https://evil.test'>click</a>",
      }),
      manageUrl,
    );
    const { html } = email;
    expect(html).not.toMatch(/<script|<img|<b>|evil\.test'>/);
    expect(html).toContain("Hi Zoë &lt;script&gt;alert(1)&lt;/script&gt;,");
    expect(html).toContain("<strong>Q&amp;A &lt;img src=x onerror=&quot;alert(2)&quot;&gt;</strong> with Grace &lt;b&gt;Hopper&lt;/b&gt;");
    expect(html).toContain("(&lt;a href=&#x27;https://evil.test&#x27;&gt;click&lt;/a&gt;)");
    expect(email.text).toContain("Hi Zoë <script>alert(1)</script>,");
    expect(email.text).toContain(`Q&A <img src=x onerror="alert(2)"> with Grace <b>Hopper</b>`);
    expect(email.text).toContain("(<a href='https://evil.test'>click</a>)");
  });
});
