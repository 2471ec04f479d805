import { DateTime } from "luxon";
import { formatMoney } from "@/core/money/money";
import { BookingEmailTemplate } from "./booking-email-template";
import type { EmailAttachment, OutgoingEmail } from "@/modules/ports/mailer";
import { renderEmail } from "./render-email";

export type EmailKind = "EMAIL_CONFIRMATION" | "EMAIL_PAYMENT_RECEIPT" | "EMAIL_CANCELLATION" | "EMAIL_RESCHEDULE" | "EMAIL_REFUND_NOTICE";

export type EmailBooking = {
  id: string;
  clientName: string;
  clientEmail: string;
  startTime: Date;
  endTime: Date;
  priceCents: number;
  currency: string;
  amountPaidCents: number | null;
  refundedCents: number | null;
  cancellationReason: string | null;
  sessionTitle: string;
  builderName: string;
  builderTimeZone: string;
};

// One wording per kind: the built-in template shows it, and a dynamic template gets the same strings.
const copy: Record<EmailKind, { subject: (b: EmailBooking) => string; lead: (b: EmailBooking) => string }> = {
  EMAIL_CONFIRMATION: {
    subject: (b) => `Confirmed: ${b.sessionTitle} with ${b.builderName}`,
    lead: () => "Your session is confirmed.",
  },
  EMAIL_PAYMENT_RECEIPT: {
    subject: (b) => `Receipt: ${b.sessionTitle} with ${b.builderName}`,
    lead: (b) => `We received your payment of ${formatMoney({ amountCents: b.amountPaidCents ?? b.priceCents, currency: b.currency })}.`,
  },
  EMAIL_CANCELLATION: {
    subject: (b) => `Cancelled: ${b.sessionTitle} with ${b.builderName}`,
    lead: (b) => `Your session has been cancelled${b.cancellationReason ? ` (${b.cancellationReason})` : ""}.`,
  },
  EMAIL_RESCHEDULE: {
    subject: (b) => `Rescheduled: ${b.sessionTitle} with ${b.builderName}`,
    lead: () => "Your session has been moved to a new time.",
  },
  EMAIL_REFUND_NOTICE: {
    subject: (b) => `Refund issued: ${b.sessionTitle} with ${b.builderName}`,
    lead: (b) =>
      `We refunded ${formatMoney({ amountCents: b.refundedCents ?? 0, currency: b.currency })}. It can take 5-10 days to appear on your statement.`,
  },
};

/** Built-in templates; with SENDGRID_BOOKING_TEMPLATE_ID the same data feeds a dynamic template. */
export function renderBookingEmail(
  kind: EmailKind,
  booking: EmailBooking,
  manageUrl: string,
  attachments: EmailAttachment[] = [],
): OutgoingEmail {
  const when = DateTime.fromJSDate(booking.startTime, { zone: booking.builderTimeZone }).toFormat("cccc d LLLL yyyy, HH:mm ZZZZ");
  const price = formatMoney({ amountCents: booking.priceCents, currency: booking.currency });
  const subject = copy[kind].subject(booking);
  const lead = copy[kind].lead(booking);
  const { html, text } = renderEmail(
    <BookingEmailTemplate
      clientName={booking.clientName}
      lead={lead}
      sessionTitle={booking.sessionTitle}
      builderName={booking.builderName}
      when={when}
      price={price}
      manageUrl={manageUrl}
    />,
  );
  return {
    to: { email: booking.clientEmail, name: booking.clientName },
    subject,
    text,
    html,
    templateData: {
      kind,
      subject,
      lead,
      clientName: booking.clientName,
      sessionTitle: booking.sessionTitle,
      builderName: booking.builderName,
      when,
      startTime: booking.startTime.toISOString(),
      price,
      manageUrl,
      bookingId: booking.id,
    },
    customArgs: { bookingId: booking.id, kind },
    attachments,
  };
}
