import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachmentsOf, startSendgridSandbox, type SendgridSandbox } from "@booking/provider-sandbox";
import { renderBookingEmail } from "@/modules/emails/booking-email";
import { MailSendError } from "@/modules/ports/mailer";
import { resetEnvForTests } from "@/server/env";
import { resetSendgridForTests, sendgridMailer } from "./sendgrid-mailer";

let sandbox: SendgridSandbox;
beforeAll(async () => {
  sandbox = await startSendgridSandbox({ port: 0 });
  process.env.SENDGRID_API_BASE = sandbox.url;
});
afterAll(async () => sandbox.close());

function configure(templateId: string | undefined) {
  if (templateId) process.env.SENDGRID_BOOKING_TEMPLATE_ID = templateId;
  else delete process.env.SENDGRID_BOOKING_TEMPLATE_ID;
  resetEnvForTests();
  resetSendgridForTests();
}

const email = renderBookingEmail(
  "EMAIL_PAYMENT_RECEIPT",
  {
    id: "b-1",
    clientName: "Zoë <script>",
    clientEmail: "zoe@example.test",
    startTime: new Date("2026-03-08T17:00:00Z"),
    endTime: new Date("2026-03-08T18:00:00Z"),
    priceCents: 12500,
    currency: "usd",
    amountPaidCents: 12500,
    refundedCents: null,
    cancellationReason: null,
    sessionTitle: "Code review",
    builderName: "Grace Hopper",
    builderTimeZone: "America/New_York",
  },
  "https://example.test/bookings/b-1?token=abc",
);

describe("the SendGrid adapter through the real @sendgrid/mail SDK", () => {
  it("sends a dynamic template with the booking data when SENDGRID_BOOKING_TEMPLATE_ID is set", async () => {
    configure("d-booking-template");
    const result = await sendgridMailer.send(email);
    expect(result.statusCode).toBe(202);
    expect(result.messageId).toBe(sandbox.messages.at(-1)?.messageId);
    const body = sandbox.messages.at(-1)?.body as Record<string, unknown>;
    expect(body.template_id).toBe("d-booking-template");
    expect(body.subject).toBeUndefined();
    expect(body.personalizations).toMatchObject([
      {
        to: [{ email: "zoe@example.test" }],
        dynamic_template_data: {
          kind: "EMAIL_PAYMENT_RECEIPT",
          price: "$125.00",
          manageUrl: "https://example.test/bookings/b-1?token=abc",
        },
      },
    ]);
  });

  it("sends built-in templates otherwise, with the time in the builder's zone and HTML escaped", async () => {
    configure(undefined);
    await sendgridMailer.send(email);
    const body = sandbox.messages.at(-1)?.body as { subject: string; content: { type: string; value: string }[] };
    expect(body.subject).toBe("Receipt: Code review with Grace Hopper");
    const [text, html] = body.content;
    expect(text?.value).toContain("We received your payment of $125.00.");
    expect(text?.value).toContain("Sunday 8 March 2026, 13:00–14:00 (Eastern Time, New York)");
    expect(html?.value).toContain("Zoë &lt;script&gt;");
    expect(html?.value).not.toContain("<script>");
  });

  it("sends attachments with both the dynamic template and the built-in content, and none when there are none", async () => {
    const ics = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n";
    const withInvite = {
      ...email,
      attachments: [{ filename: "invite.ics", type: "text/calendar", content: Buffer.from(ics).toString("base64") }],
    };
    for (const templateId of ["d-booking-template", undefined]) {
      configure(templateId);
      expect((await sendgridMailer.send(withInvite)).statusCode).toBe(202);
      const mail = sandbox.messages.at(-1)!;
      expect(mail.body.template_id).toBe(templateId);
      expect(attachmentsOf(mail)).toEqual([{ filename: "invite.ics", type: "text/calendar", disposition: "attachment", content: ics }]);
    }
    await sendgridMailer.send(email);
    expect(sandbox.messages.at(-1)!.body.attachments).toBeUndefined();
  });

  it("classifies 429 and 5xx as retryable and other 4xx as permanent", async () => {
    configure(undefined);
    sandbox.failNext([429, 500, 401]);
    const outcomes = [];
    for (let i = 0; i < 3; i++) {
      const error = await sendgridMailer.send(email).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MailSendError);
      outcomes.push([(error as MailSendError).statusCode, (error as MailSendError).retryable]);
    }
    expect(outcomes).toEqual([
      [429, true],
      [500, true],
      [401, false],
    ]);
  });
});
