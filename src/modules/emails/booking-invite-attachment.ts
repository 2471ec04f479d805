import { buildBookingInvite, type InviteMethod, type InvitePerson } from "@/core/calendar/booking-invite";
import type { EmailAttachment } from "@/modules/ports/mailer";
import type { EmailBooking, EmailKind } from "./booking-email";

export type InviteContext = {
  /** The booking's status when the email is sent. */
  status: string;
  /** The first booking of its reschedule chain, and how many reschedules led to it. */
  firstBookingId: string;
  rescheduleDepth: number;
  organizer: InvitePerson;
  appUrl: string;
};

/**
 * Which invite an email carries. An email is rendered when it is delivered, possibly late: a
 * confirmation delivered after the booking was cancelled must not put it back in the calendar,
 * so the method also has to match the booking's current status. Receipts and refund notices
 * follow a confirmation or a cancellation that carries the invite already.
 */
function methodFor(kind: EmailKind, status: string): InviteMethod | null {
  if ((kind === "EMAIL_CONFIRMATION" || kind === "EMAIL_RESCHEDULE") && status === "CONFIRMED") return "REQUEST";
  if (kind === "EMAIL_CANCELLATION" && status === "CANCELLED") return "CANCEL";
  return null;
}

export type InviteAttachment = { attachment: EmailAttachment | null; error: Error | null };

/** Never throws: an invite that cannot be built is reported and the email goes without it. */
export function bookingInviteAttachment(
  kind: EmailKind,
  booking: EmailBooking,
  manageUrl: string,
  context: InviteContext,
): InviteAttachment {
  const method = methodFor(kind, context.status);
  if (!method) return { attachment: null, error: null };
  let invite: ReturnType<typeof buildBookingInvite>;
  try {
    invite = buildBookingInvite({
      firstBookingId: context.firstBookingId,
      rescheduleDepth: context.rescheduleDepth,
      method,
      start: booking.startTime,
      end: booking.endTime,
      sessionTitle: booking.sessionTitle,
      builderName: booking.builderName,
      manageUrl,
      organizer: context.organizer,
      attendee: { name: booking.clientName, email: booking.clientEmail },
      appUrl: context.appUrl,
    });
  } catch (error) {
    invite = { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
  }
  if (!invite.ok) return { attachment: null, error: invite.error };
  return {
    attachment: { filename: "invite.ics", type: "text/calendar", content: Buffer.from(invite.ics, "utf8").toString("base64") },
    error: null,
  };
}
