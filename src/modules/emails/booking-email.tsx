import type { EmailAttachment, OutgoingEmail } from "@/modules/ports/mailer";
import { BookingEmailTemplate } from "./booking-email-template";
import { builderCopy, type BuilderEmailKind } from "./builder-email-copy";
import { clientCopy, type ClientEmailKind } from "./client-email-copy";
import { priceText, whenLine, type EmailBooking, type EmailContext } from "./email-booking";
import type { CopyFor } from "./email-copy";
import { renderEmail } from "./render-email";

export type { EmailBooking, EmailContext } from "./email-booking";

/** Every email about a booking: to its client (in their zone) or to its builder (in theirs). */
export type EmailKind = ClientEmailKind | BuilderEmailKind;

const copies: Record<EmailKind, CopyFor> = { ...clientCopy, ...builderCopy };

// REFUND_FULL_HOURS_BEFORE's default, for callers that render without the booking settings.
const DEFAULT_REFUND_POLICY = { fullRefundHoursBefore: 24 };

export function isBookingEmailKind(kind: string): kind is EmailKind {
  return Object.hasOwn(copies, kind);
}

/** Links and policy for callers that only have the manage link (tests, scripts): the builder's link is the same page. */
function contextFrom(manageUrl: string, context: Partial<EmailContext>): EmailContext {
  return {
    manageUrl,
    builderBookingUrl: context.builderBookingUrl ?? manageUrl.replace(/\?.*$/, ""),
    rebookUrl: context.rebookUrl ?? new URL("/", manageUrl).toString(),
    refundPolicy: context.refundPolicy ?? DEFAULT_REFUND_POLICY,
    now: context.now ?? new Date(),
  };
}

/** Built-in templates; with SENDGRID_BOOKING_TEMPLATE_ID the same data feeds a dynamic template. */
export function renderBookingEmail(
  kind: EmailKind,
  booking: EmailBooking,
  manageUrl: string,
  attachments: EmailAttachment[] = [],
  context: Partial<Omit<EmailContext, "manageUrl">> = {},
): OutgoingEmail {
  const copy = copies[kind](booking, contextFrom(manageUrl, context));
  const toBuilder = copy.reader === "builder";
  if (toBuilder && !booking.builderEmail) throw new Error(`The builder of booking ${booking.id} has no email address`);
  const to = toBuilder
    ? { email: booking.builderEmail ?? "", name: booking.builderName }
    : { email: booking.clientEmail, name: booking.clientName };
  const withName = toBuilder ? booking.clientName : booking.builderName;
  const { html, text } = renderEmail(
    <BookingEmailTemplate
      recipientName={to.name}
      lead={copy.lead}
      sessionTitle={booking.sessionTitle}
      withName={withName}
      details={copy.details}
      notes={copy.notes}
      action={copy.action}
    />,
  );
  return {
    to,
    subject: copy.subject,
    text,
    html,
    templateData: {
      kind,
      subject: copy.subject,
      lead: copy.lead,
      recipientName: to.name,
      clientName: booking.clientName,
      sessionTitle: booking.sessionTitle,
      builderName: booking.builderName,
      when: whenLine(booking, copy.reader).replace(/^When: /, ""),
      startTime: booking.startTime.toISOString(),
      price: priceText(booking),
      details: copy.details.join("\n"),
      notes: copy.notes.join("\n"),
      actionLabel: copy.action.label,
      actionUrl: copy.action.url,
      manageUrl: copy.action.url,
      bookingId: booking.id,
    },
    customArgs: { bookingId: booking.id, kind },
    attachments,
  };
}
