import { Client } from "@sendgrid/client";
import { MailService } from "@sendgrid/mail";
import { MailSendError, SENDER_NAME, type Mailer } from "@/modules/ports/mailer";
import { getEnv } from "@/server/env";

// Retry 429, 5xx, network errors and timeouts; never other 4xx (SendGrid's guidance).
function classify(error: unknown): MailSendError {
  const e = error as { code?: unknown; message?: string; response?: { body?: unknown } };
  if (typeof e.code === "number") {
    const retryable = e.code === 429 || e.code >= 500;
    const detail = JSON.stringify(e.response?.body ?? e.message ?? "").slice(0, 500);
    return new MailSendError(`SendGrid answered ${e.code}: ${detail}`, retryable, e.code);
  }
  return new MailSendError(`SendGrid unreachable: ${e.message ?? String(error)}`, true, null);
}

let service: MailService | undefined;

// Our own client instance instead of the SDK's shared singleton, so the base URL (the
// local sandbox in development and tests) is set once and nothing else can reset it.
function client(): MailService {
  if (!service) {
    const env = getEnv();
    const http = new Client();
    http.setApiKey(env.SENDGRID_API_KEY);
    // setApiKey resets the base URL, so this must come after it.
    http.setDefaultRequest("baseUrl", env.SENDGRID_API_BASE);
    http.setDefaultRequest("timeout" as never, 10_000 as never);
    service = new MailService();
    service.setClient(http);
  }
  return service;
}

export const sendgridMailer: Mailer = {
  async send(email) {
    const env = getEnv();
    const from = { email: env.SENDGRID_FROM_EMAIL, name: SENDER_NAME };
    const attachments = email.attachments.map((a) => ({ ...a, disposition: "attachment" }));
    const base = {
      to: email.to,
      from,
      customArgs: email.customArgs,
      categories: ["booking"],
      ...(attachments.length > 0 ? { attachments } : {}),
    };
    const message = env.SENDGRID_BOOKING_TEMPLATE_ID
      ? { ...base, templateId: env.SENDGRID_BOOKING_TEMPLATE_ID, dynamicTemplateData: email.templateData }
      : { ...base, subject: email.subject, text: email.text, html: email.html };
    try {
      const [response] = await client().send(message);
      const header = (response.headers as Record<string, unknown>)["x-message-id"];
      return { messageId: typeof header === "string" ? header : null, statusCode: response.statusCode };
    } catch (error) {
      throw classify(error);
    }
  },
};

export function resetSendgridForTests(): void {
  service = undefined;
}
