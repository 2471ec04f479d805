import {
  cancelledByLine,
  money,
  previousLine,
  priceText,
  reasonLines,
  refundOutcome,
  whenLine,
  type EmailBooking,
  type EmailContext,
} from "./email-booking";
import type { CopyFor, EmailCopy } from "./email-copy";

export type BuilderEmailKind =
  | "EMAIL_BUILDER_NEW_BOOKING"
  | "EMAIL_BUILDER_CANCELLATION"
  | "EMAIL_BUILDER_RESCHEDULE"
  | "EMAIL_BUILDER_PAYMENT_RECEIVED"
  | "EMAIL_REMINDER_BUILDER";

/** What the cancellation meant for the client's money, as the builder needs to know it. */
function refundNotes(b: EmailBooking): string[] {
  const outcome = refundOutcome(b);
  switch (outcome.kind) {
    case "none":
      return [];
    case "refund":
      return [`The client is refunded ${money(b, outcome.refundCents)}.`];
    case "forfeit":
      return outcome.refundCents === 0
        ? [`Not refundable under your cancellation policy: the payment of ${money(b, outcome.keptCents)} is kept.`]
        : [`The client is refunded ${money(b, outcome.refundCents)}; ${money(b, outcome.keptCents)} is kept.`];
  }
}

function base(b: EmailBooking, c: EmailContext, parts: Pick<EmailCopy, "subject" | "lead"> & Partial<EmailCopy>): EmailCopy {
  return {
    reader: "builder",
    headline: `${b.sessionTitle} with ${b.clientName}`,
    details: [whenLine(b, "builder"), `Client: ${b.clientName} (${b.clientEmail})`, `Price: ${priceText(b)}`],
    notes: [],
    action: { label: "See the booking", url: c.builderBookingUrl },
    ...parts,
  };
}

const about = (b: EmailBooking) => `${b.sessionTitle} with ${b.clientName}`;

export const builderCopy: Record<BuilderEmailKind, CopyFor> = {
  EMAIL_BUILDER_NEW_BOOKING: (b, c) =>
    base(b, c, { subject: `New booking: ${about(b)}`, lead: `${b.clientName} booked a session with you.` }),
  EMAIL_BUILDER_PAYMENT_RECEIVED: (b, c) =>
    base(b, c, {
      subject: `Payment received: ${about(b)}`,
      lead: `${b.clientName} paid ${money(b, b.amountPaidCents ?? b.priceCents)} for this session.`,
    }),
  EMAIL_BUILDER_CANCELLATION: (b, c) => {
    const { details } = base(b, c, { subject: "", lead: "" });
    return base(b, c, {
      subject: `Cancelled: ${about(b)}`,
      lead: "This session has been cancelled.",
      details: [...details, ...cancelledByLine(b, "builder"), ...reasonLines(b)],
      notes: refundNotes(b),
    });
  },
  EMAIL_BUILDER_RESCHEDULE: (b, c) =>
    base(b, c, {
      subject: `Rescheduled: ${about(b)}`,
      lead: `${b.clientName}'s session has been moved to a new time.`,
      details: [whenLine(b, "builder"), ...previousLine(b, "builder"), `Client: ${b.clientName} (${b.clientEmail})`],
    }),
  EMAIL_REMINDER_BUILDER: (b, c) =>
    base(b, c, {
      subject: `Reminder: ${about(b)}`,
      lead: "You have a session coming up.",
      details: [whenLine(b, "builder"), `Client: ${b.clientName} (${b.clientEmail})`],
    }),
};
