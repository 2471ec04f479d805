// The port use-cases need to send an email. The SendGrid adapter implements it.

export type OutgoingEmail = {
  to: { email: string; name: string };
  subject: string;
  text: string;
  html: string;
  /** Sent instead of subject/text/html when a SendGrid dynamic template is configured. */
  templateData: Record<string, string | number | null>;
  /** Echoed back by SendGrid's event webhook; lets operators trace a message to its outbox row. */
  customArgs: Record<string, string>;
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
