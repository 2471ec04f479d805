import sgMail from "@sendgrid/mail";
import type { Client } from "@sendgrid/client/src/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { attachmentsOf, recipients, startSendgridSandbox } from "./sendgrid-sandbox";
import type { SendgridSandbox } from "./sendgrid-sandbox";

let sandbox: SendgridSandbox;

// @sendgrid/mail's typings omit its `client` property, which is how its docs say to change the base URL.
const mailClient = (): Client => (sgMail as unknown as { client: Client }).client;

beforeAll(async () => {
  sandbox = await startSendgridSandbox();
  sgMail.setApiKey("SG.sandbox-test-key");
  mailClient().setDefaultRequest("baseUrl", sandbox.url);
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.clear());

const confirmation = {
  to: { email: "client@example.com", name: "Client" },
  from: { email: "noreply@example.com", name: "Bookings" },
  subject: "Your session is confirmed",
  text: "See you on Tuesday.",
  html: '<p>See you on <a href="http://app.test/bookings/b1">Tuesday</a>.</p>',
  customArgs: { bookingId: "b1" },
};

async function sendError(data: Parameters<typeof sgMail.send>[0]): Promise<{ code: number; response: { body: unknown } }> {
  const err = await sgMail.send(data).then(
    () => {
      throw new Error("expected the send to fail");
    },
    (e: unknown) => e,
  );
  return err as { code: number; response: { body: unknown } };
}

describe("SendGrid sandbox with @sendgrid/mail", () => {
  it("accepts a send with 202, an X-Message-Id, and records the wire JSON", async () => {
    const [response] = await sgMail.send(confirmation);
    expect(response.statusCode).toBe(202);
    const messageId = response.headers["x-message-id"] as string;
    expect(messageId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(sandbox.messages).toHaveLength(1);
    const mail = sandbox.messages[0];
    expect(mail?.messageId).toBe(messageId);
    // The SDK turns camelCase into the snake_case wire format.
    expect(mail?.body).toMatchObject({
      personalizations: [{ to: [{ email: "client@example.com", name: "Client" }] }],
      from: { email: "noreply@example.com" },
      subject: "Your session is confirmed",
      custom_args: { bookingId: "b1" },
      content: [
        { type: "text/plain", value: "See you on Tuesday." },
        { type: "text/html", value: confirmation.html },
      ],
    });
    expect(mail?.headers.authorization).toBe("Bearer SG.sandbox-test-key");
    expect(sandbox.attempts.map((a) => a.status)).toEqual([202]);

    const inbox = await (await fetch(`${sandbox.url}/`)).text();
    expect(inbox).toContain("client@example.com");
    expect(inbox).toContain("Your session is confirmed");
    const page = await (await fetch(`${sandbox.url}/messages/${messageId}`)).text();
    expect(page).toBe(confirmation.html);
    const filtered = (await (await fetch(`${sandbox.url}/__sandbox/messages?to=client@example.com`)).json()) as unknown[];
    expect(filtered).toHaveLength(1);
    expect(await (await fetch(`${sandbox.url}/__sandbox/messages?to=other@example.com`)).json()).toEqual([]);
  });

  it("failNext makes the next sends fail with ResponseError, then recovers", async () => {
    sandbox.failNext([503, 429]);
    const first = await sendError(confirmation);
    expect(first.code).toBe(503);
    expect(first.response.body).toMatchObject({
      errors: [{ message: expect.stringContaining("Service Unavailable") }],
    });
    expect((await sendError(confirmation)).code).toBe(429);
    const [ok] = await sgMail.send(confirmation);
    expect(ok.statusCode).toBe(202);
    expect(sandbox.attempts.map((a) => [a.status, a.injected])).toEqual([
      [503, true],
      [429, true],
      [202, false],
    ]);
    expect(sandbox.messages).toHaveLength(1);
  });

  it("failNext is also reachable over HTTP", async () => {
    const res = await fetch(`${sandbox.url}/__sandbox/fail-next`, {
      method: "POST",
      body: JSON.stringify({ statuses: [500] }),
    });
    expect(res.status).toBe(200);
    expect((await sendError(confirmation)).code).toBe(500);
    expect((await fetch(`${sandbox.url}/__sandbox/fail-next`, { method: "POST", body: '{"statuses":[200]}' })).status).toBe(400);
  });

  it("validates like SendGrid: 400 with errors[] {message, field, help}", async () => {
    const err = await sendError({ to: "not-an-email", from: "noreply@example.com", subject: "x", text: "y" });
    expect(err.code).toBe(400);
    expect(err.response.body).toEqual({
      errors: [
        expect.objectContaining({
          field: "personalizations.0.to.0.email",
          message: "Does not contain a valid address.",
        }),
      ],
    });
    const noContent = await fetch(`${sandbox.url}/v3/mail/send`, {
      method: "POST",
      headers: { Authorization: "Bearer SG.x", "Content-Type": "application/json" },
      body: JSON.stringify({
        personalizations: [{ to: [{ email: "a@example.com" }] }],
        from: { email: "b@example.com" },
      }),
    });
    expect(noContent.status).toBe(400);
    const { errors } = (await noContent.json()) as { errors: Array<{ field: string }> };
    expect(errors.map((e) => e.field)).toEqual(["subject", "content"]);
    expect(sandbox.messages).toHaveLength(0);
    expect(sandbox.attempts.map((a) => a.status)).toEqual([400, 400]);
  });

  it("records attachments as sent, and rejects the ones SendGrid rejects", async () => {
    const ics = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n";
    const invite = {
      content: Buffer.from(ics).toString("base64"),
      filename: "invite.ics",
      type: "text/calendar",
      disposition: "attachment",
    };
    const [res] = await sgMail.send({ ...confirmation, attachments: [invite] });
    expect(res.statusCode).toBe(202);
    expect(sandbox.messages[0]?.body.attachments).toEqual([invite]);
    expect(attachmentsOf(sandbox.messages[0]!)).toEqual([
      { filename: "invite.ics", type: "text/calendar", disposition: "attachment", content: ics },
    ]);

    const err = await sendError({
      ...confirmation,
      attachments: [
        { ...invite, type: "text/calendar; method=REQUEST" },
        { content: "not base64!", filename: "" },
      ],
    });
    expect(err.code).toBe(400);
    const { errors } = err.response.body as { errors: Array<{ field: string; message: string }> };
    expect(errors).toEqual([
      expect.objectContaining({ field: "attachments.0.type", message: "The attachment type cannot contain ';', or CRLF characters." }),
      expect.objectContaining({ field: "attachments.1.content", message: "The attachment content must be base64 encoded." }),
      expect.objectContaining({ field: "attachments.1.filename", message: "The attachment filename is required." }),
    ]);
    expect(sandbox.messages).toHaveLength(1);
  });

  it("accepts a dynamic template without subject or content", async () => {
    const [res] = await sgMail.send({
      to: "client@example.com",
      from: "noreply@example.com",
      templateId: "d-123",
      dynamicTemplateData: { name: "Ada" },
    });
    expect(res.statusCode).toBe(202);
    expect(sandbox.messages[0]?.body).toMatchObject({
      template_id: "d-123",
      personalizations: [{ dynamic_template_data: { name: "Ada" } }],
    });
    const mail = await sandbox.waitForMessage((m) => recipients(m).includes("client@example.com"), 100);
    expect(mail.messageId).toBe(res.headers["x-message-id"]);
  });

  it("rejects a missing or non-SG key with 401", async () => {
    const res = await fetch(`${sandbox.url}/v3/mail/send`, { method: "POST", body: "{}" });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ errors: [{ message: "authorization required", field: null, help: null }] });
    const wrong = await fetch(`${sandbox.url}/v3/mail/send`, {
      method: "POST",
      headers: { Authorization: "Bearer key" },
      body: "{}",
    });
    expect(wrong.status).toBe(401);
  });
});
