import type { PrismaClient } from "@/generated/prisma/client";
import { isReminder } from "@/core/booking/booking-effects";
import { isAwaitingPayment } from "@/core/booking/booking-predicates";
import { manageTokenFor } from "@/modules/bookings/manage-token";
import { renderBookingEmail, type EmailKind } from "@/modules/emails/booking-email";
import { bookingInviteAttachment } from "@/modules/emails/booking-invite-attachment";
import type { OutboxClaim } from "./claim-outbox-message";
import type { OutboxDeps } from "./deliver-outbox-message";
import { loadRescheduleChain, toEmailBooking, type OutboxBooking } from "./outbox-booking";

/** What an email delivery did: sent (with SendGrid's answer), or dropped because it is no longer owed. */
export type EmailEffect = { providerMessageId: string | null; statusCode: number | null } | { notOwed: string };

/**
 * Why an email written long before it is sent no longer applies, or null when it still does.
 * A reminder is owed only for a session still confirmed, not moved and not yet started; a
 * payment link only while the hold still awaits payment. Other emails report a change that
 * happened, and are sent as written.
 */
export function reasonNotOwed(kind: EmailKind, booking: OutboxBooking, now: Date): string | null {
  if (isReminder(kind)) {
    if (booking.rescheduledTo) return "No longer owed: the booking was moved to a new time";
    if (booking.status !== "CONFIRMED") return "No longer owed: the booking is no longer confirmed";
    if (booking.startTime <= now) return "No longer owed: the session has started";
  }
  if (kind === "EMAIL_PAYMENT_LINK" && !(booking.status === "PENDING" && isAwaitingPayment(booking.paymentStatus))) {
    return "No longer owed: the booking no longer awaits payment";
  }
  return null;
}

/**
 * Renders a booking email as the booking is now (the reader's zone, the invite its current
 * status calls for) and sends it, carrying the outbox id and attempt so a duplicate is traceable.
 */
export async function deliverBookingEmail(
  db: PrismaClient,
  claim: OutboxClaim,
  kind: EmailKind,
  booking: OutboxBooking,
  deps: OutboxDeps,
): Promise<EmailEffect> {
  const now = new Date();
  const notOwed = reasonNotOwed(kind, booking, now);
  if (notOwed) return { notOwed };
  const manageUrl = `${deps.baseUrl}/bookings/${booking.id}?token=${manageTokenFor(booking.id, deps.manageTokenSecret).token}`;
  const emailBooking = toEmailBooking(booking);
  const invite = bookingInviteAttachment(kind, emailBooking, manageUrl, {
    status: booking.status,
    ...(await loadRescheduleChain(db, booking)),
    organizer: deps.inviteOrganizer,
    appUrl: deps.baseUrl,
  });
  if (invite.error) deps.onInviteError(invite.error, { bookingId: booking.id, outboxId: claim.id });
  const email = renderBookingEmail(kind, emailBooking, manageUrl, invite.attachment ? [invite.attachment] : [], {
    builderBookingUrl: `${deps.baseUrl}/bookings/${booking.id}`,
    rebookUrl: `${deps.baseUrl}/builders/${booking.builder.slug}`,
    refundPolicy: deps.refundPolicy,
    now,
  });
  const customArgs = { ...email.customArgs, outboxId: claim.id, attempt: String(claim.attempt) };
  const result = await deps.mailer.send({ ...email, customArgs });
  return { providerMessageId: result.messageId, statusCode: result.statusCode };
}
