import { initialStatusFor } from "@/core/booking/booking-lifecycle";
import type { Canceller } from "@/core/booking/booking-cancellation";
import { applyCancellation } from "@/modules/bookings/lifecycle/apply-cancellation";
import { insertBooking } from "@/modules/bookings/lifecycle/insert-booking";
import type { Tx } from "@/modules/shared/tx";
import { findCalendlyBooking, mappedSessionType } from "./find-calendly-booking";
import { calendlyActor, type CalendlyContext, type CalendlyOutcome } from "./handle-invitee-created";
import { bookingFromInvitee } from "./invitee-booking";
import type { InviteePayload } from "./invitee-payload";

/**
 * invitee.canceled. A plain cancel cancels the booking (email if it was confirmed, refund
 * per policy if paid). The cancelled half of a reschedule owes no email and no refund: the
 * payment moves to the new booking. A cancel that arrives before its create leaves a
 * cancelled record behind, so the late create can never resurrect the booking.
 */
export async function handleInviteeCanceled(tx: Tx, invitee: InviteePayload, ctx: CalendlyContext): Promise<CalendlyOutcome> {
  const booking = await findCalendlyBooking(tx, invitee);
  const cause = invitee.rescheduled ? "rescheduled" : "request";
  const note = invitee.cancellation?.reason ?? "Cancelled on Calendly";
  const by: Canceller = invitee.cancellation?.canceler_type === "host" ? "CALENDLY_HOST" : "CALENDLY_INVITEE";

  if (!booking) {
    const sessionType = await mappedSessionType(tx, invitee.scheduled_event.event_type);
    if (!sessionType) return "ignored";
    const data = bookingFromInvitee(invitee, sessionType, ctx.manageTokenSecret);
    ctx.onBooking?.(data.id);
    await insertBooking(tx, {
      state: { status: "CANCELLED", paymentStatus: initialStatusFor(sessionType.priceCents).paymentStatus },
      cancellation: { by, cause, note, at: ctx.now },
      data,
      actor: calendlyActor(ctx, "invitee.canceled"),
    });
    return "processed";
  }
  ctx.onBooking?.(booking.id);
  if (booking.calendlyInviteeUri === null) {
    await tx.booking.update({
      where: { id: booking.id },
      data: { calendlyInviteeUri: invitee.uri, calendlyEventUri: invitee.scheduled_event.uri },
    });
  }
  if (invitee.rescheduled && invitee.new_invitee) {
    // The new half may already exist (created arrived first); link it if it is not linked yet.
    const successor = await tx.booking.findUnique({
      where: { calendlyInviteeUri: invitee.new_invitee },
      select: { id: true, rescheduledFromId: true },
    });
    if (successor && !successor.rescheduledFromId) {
      await tx.booking.update({ where: { id: successor.id }, data: { rescheduledFromId: booking.id } });
    }
  }
  // Already cancelled (a redelivery, or our own cancellation coming back from Calendly): nothing more is owed.
  await applyCancellation(tx, {
    bookingId: booking.id,
    now: ctx.now,
    by,
    cause,
    note,
    refundPolicy: ctx.refundPolicy,
    actor: calendlyActor(ctx, "invitee.canceled"),
  });
  return "processed";
}
