// The port use-cases need to send an email. The SendGrid adapter implements it.

/** The display name emails are sent under (and a calendar invite's organizer). */
export const SENDER_NAME = "Booking Marketplace";

export type EmailAttachment = {
  filename: string;
  /** A bare MIME type: SendGrid rejects parameters (";") here, so an invite's METHOD lives in its body. */
  type: string;
  /** The file's bytes, base64-encoded. */
  content: string;
};

export type OutgoingEmail = {
  to: { email: string; name: string };
  subject: string;
  text: string;
  html: string;
  /** Sent instead of subject/text/html when a SendGrid dynamic template is configured. */
  templateData: Record<string, string | number | null>;
  /** Echoed back by SendGrid's event webhook; lets operators trace a message to its outbox row. */
  customArgs: Record<string, string>;
  /** Sent with both the built-in and the dynamic-template content. */
  attachments: EmailAttachment[];
};

export class MailSendError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly statusCode: number | null,
  ) {
    super(message);
    this.name = "MailSendError";
  }
}

export type Mailer = {
  /** Resolves with the provider's message id; rejects with MailSendError. */
  send(email: OutgoingEmail): Promise<{ messageId: string | null; statusCode: number }>;
};
