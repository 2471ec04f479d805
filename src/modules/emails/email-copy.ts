import type { EmailBooking, EmailContext, Reader } from "./email-booking";

/** One email's words: who reads it, its news (also the inbox preview), the facts and what to do next. */
export type EmailCopy = {
  reader: Reader;
  subject: string;
  lead: string;
  /** The session's name and other side ("Code review with Grace Hopper"). */
  headline: string;
  details: string[];
  /** Sentences after the facts (the cancellation policy, a refund's result). */
  notes: string[];
  action: { label: string; url: string };
};

export type CopyFor = (booking: EmailBooking, context: EmailContext) => EmailCopy;
