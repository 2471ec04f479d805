import type { Tx } from "@/server/db/client";
import { refundAmountCents, type RefundPolicy } from "@/core/booking/refund-policy";
import { applyCancellation } from "@/modules/bookings/cancel-booking";
import { findCalendlyBooking, mappedSessionType } from "./find-calendly-booking";
import { bookingFromInvitee } from "./invitee-booking";
import { RESCHEDULED, type CalendlyContext, type CalendlyOutcome } from "./handle-invitee-created";
import type { InviteePayload } from "./invitee-payload";

/**
 * invitee.canceled. A plain cancel cancels the booking (email if it was confirmed, refund
 * per policy if paid). The cancelled half of a reschedule owes no email and no refund: the
 * payment moves to the new booking. A cancel that arrives before its create leaves a
 * cancelled record behind, so the late create can never resurrect the booking.
 */
export async function handleInviteeCanceled(
  tx: Tx,
  invitee: InviteePayload,
  ctx: CalendlyContext & { refundPolicy: RefundPolicy },
): Promise<CalendlyOutcome> {
  const booking = await findCalendlyBooking(tx, invitee);
  const reason = invitee.rescheduled ? RESCHEDULED : (invitee.cancellation?.reason ?? "Cancelled on Calendly");
  const byHost = invitee.cancellation?.canceler_type === "host";

  if (!booking) return recordCancelledOnly(tx, invitee, reason, byHost, ctx);
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
  const refundCents =
    !invitee.rescheduled && booking.paymentStatus === "PAID"
      ? refundAmountCents({
          amountPaidCents: booking.amountPaidCents ?? 0,
          startTime: booking.startTime,
          now: ctx.now,
          cancelledByClient: !byHost,
          policy: ctx.refundPolicy,
        })
      : 0;
  await applyCancellation(tx, {
    bookingId: booking.id,
    now: ctx.now,
    reason,
    cancelledBy: byHost ? "CALENDLY_HOST" : "CALENDLY_INVITEE",
    refundCents,
    cancelOnCalendly: false,
    notifyClient: !invitee.rescheduled,
  });
  return "processed";
}

async function recordCancelledOnly(
  tx: Tx,
  invitee: InviteePayload,
  reason: string,
  byHost: boolean,
  ctx: CalendlyContext,
): Promise<CalendlyOutcome> {
  const sessionType = await mappedSessionType(tx, invitee.scheduled_event.event_type);
  if (!sessionType) return "ignored";
  await tx.booking.create({
    data: {
      ...bookingFromInvitee(invitee, sessionType, ctx.manageTokenSecret),
      status: "CANCELLED",
      cancellationReason: reason,
      cancelledBy: byHost ? "CALENDLY_HOST" : "CALENDLY_INVITEE",
      cancelledAt: ctx.now,
    },
  });
  return "processed";
}
