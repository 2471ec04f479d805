import { createElement } from "react";
import { render } from "@react-email/render";
import { describe, expect, it } from "vitest";
import { BookingEmailTemplate } from "./booking-email-template";
import { renderEmail } from "./render-email";

const template = createElement(BookingEmailTemplate, {
  recipientName: "Zoë <script>",
  lead: "Your session is confirmed.",
  sessionTitle: "Q&A",
  withName: "Grace Hopper",
  details: ["When: Sunday 8 March 2026, 13:00–14:00 (Eastern Time, New York)", "Price: Free"],
  notes: ["Cancellation policy: Free cancellation until 24 hours before the start; after that, no refund."],
  action: { label: "Manage your booking", url: "https://example.test/bookings/b-1?token=a&b" },
});

describe("renderEmail", () => {
  it("gives the parts React Email's own render() gives, synchronously", async () => {
    const { html, text } = renderEmail(template);
    expect(text).toBe(await render(template, { plainText: true }));
    // The streaming renderer only adds comment markers (between text nodes, around Suspense).
    expect(html).toBe((await render(template)).replace(/<!--.*?-->/g, ""));
  });
});
