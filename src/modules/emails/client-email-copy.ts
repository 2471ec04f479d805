import { timeRefusalOf } from "@/core/booking/booking-cancellation";
import type { TimeRefusal } from "@/core/booking/calendly-time-rule";
import { cancellationResultText, refundCutoff, refundPolicySentence } from "@/core/booking/refund-policy-text";
import {
  cancelledByLine,
  instantFor,
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

export type ClientEmailKind =
  | "EMAIL_CONFIRMATION"
  | "EMAIL_PAYMENT_RECEIPT"
  | "EMAIL_CANCELLATION"
  | "EMAIL_RESCHEDULE"
  | "EMAIL_REFUND_NOTICE"
  | "EMAIL_REMINDER_CLIENT"
  | "EMAIL_PAYMENT_LINK"
  | "EMAIL_HOLD_EXPIRED"
  | "EMAIL_TIME_REFUSED";

// Why a time scheduled on Calendly was not kept, in the client's words.
const REFUSED_BECAUSE: Record<TimeRefusal, string> = {
  "in-the-past": "the time you picked on Calendly had already passed",
  "short-notice": "the time you picked on Calendly was too soon: {builder} needs more notice before a session",
  "beyond-window": "the time you picked on Calendly is further ahead than {builder} takes bookings",
  "not-offered": "this session is not currently offered through that Calendly page",
};

function refusedBecause(b: EmailBooking): string {
  const refusal = timeRefusalOf(b.cancellationReason) ?? "not-offered";
  return REFUSED_BECAUSE[refusal].replace("{builder}", b.builderName);
}

/**
 * The cancellation policy as it applies to this booking, for emails that confirm a paid one:
 * the rule, and until when cancelling is still free (while that is ahead).
 */
function policyNotes(b: EmailBooking, c: EmailContext): string[] {
  if (b.priceCents <= 0) return [];
  const notes = [`Cancellation policy: ${refundPolicySentence(c.refundPolicy)}`];
  const cutoff = refundCutoff(b.startTime, c.refundPolicy);
  if (cutoff > c.now) notes.push(`Cancel before ${instantFor(b, "client", cutoff)} for a full refund.`);
  return notes;
}

function base(b: EmailBooking, c: EmailContext, parts: Pick<EmailCopy, "subject" | "lead"> & Partial<EmailCopy>): EmailCopy {
  return {
    reader: "client",
    headline: `${b.sessionTitle} with ${b.builderName}`,
    details: [whenLine(b, "client"), `Price: ${priceText(b)}`],
    notes: [],
    action: { label: "Manage your booking", url: c.manageUrl },
    ...parts,
  };
}

const about = (b: EmailBooking) => `${b.sessionTitle} with ${b.builderName}`;

export const clientCopy: Record<ClientEmailKind, CopyFor> = {
  EMAIL_CONFIRMATION: (b, c) =>
    base(b, c, { subject: `Confirmed: ${about(b)}`, lead: "Your session is confirmed.", notes: policyNotes(b, c) }),
  EMAIL_PAYMENT_RECEIPT: (b, c) =>
    base(b, c, { subject: `Receipt: ${about(b)}`, lead: `We received your payment of ${money(b, b.amountPaidCents ?? b.priceCents)}.` }),
  EMAIL_CANCELLATION: (b, c) => {
    const result = cancellationResultText(refundOutcome(b));
    return base(b, c, {
      subject: `Cancelled: ${about(b)}`,
      lead: "Your session has been cancelled.",
      details: [whenLine(b, "client"), `Price: ${priceText(b)}`, ...cancelledByLine(b, "client"), ...reasonLines(b)],
      notes: result ? [`${result}.`] : [],
    });
  },
  EMAIL_RESCHEDULE: (b, c) =>
    base(b, c, {
      subject: `Rescheduled: ${about(b)}`,
      lead: "Your session has been moved to a new time.",
      details: [whenLine(b, "client"), ...previousLine(b, "client"), `Price: ${priceText(b)}`],
      notes: policyNotes(b, c),
    }),
  EMAIL_REFUND_NOTICE: (b, c) =>
    base(b, c, {
      subject: `Refund issued: ${about(b)}`,
      lead: `We refunded ${money(b, b.refundedCents ?? 0)}. It can take 5-10 days to appear on your statement.`,
    }),
  EMAIL_REMINDER_CLIENT: (b, c) =>
    base(b, c, { subject: `Reminder: ${about(b)}`, lead: "Your session is coming up.", details: [whenLine(b, "client")] }),
  EMAIL_PAYMENT_LINK: (b, c) =>
    base(b, c, {
      subject: `Complete your payment: ${about(b)}`,
      lead: b.holdExpiresAt
        ? `Your time is held until ${instantFor(b, "client", b.holdExpiresAt)}. Pay before then to confirm it.`
        : "Your time is held for a short while. Pay to confirm it.",
      notes: policyNotes(b, c),
      action: { label: "Complete payment", url: c.manageUrl },
    }),
  EMAIL_HOLD_EXPIRED: (b, c) =>
    base(b, c, {
      subject: `Payment window expired: ${about(b)}`,
      lead: "The payment was not completed in time, so the time you held has been released. If a payment still goes through, it is refunded in full automatically.",
      action: { label: "Book again", url: c.rebookUrl },
    }),
  EMAIL_TIME_REFUSED: (b, c) =>
    base(b, c, {
      subject: `Time not available: ${about(b)}`,
      lead: `We could not keep this booking because ${refusedBecause(b)}. It has been cancelled on Calendly too.`,
      details: [whenLine(b, "client")],
      notes: [
        b.amountPaidCents ? `Your payment of ${money(b, b.amountPaidCents)} is refunded in full.` : "Nothing was charged.",
        `Pick another time on ${b.builderName}'s page.`,
      ],
      action: { label: "Pick another time", url: c.rebookUrl },
    }),
};
