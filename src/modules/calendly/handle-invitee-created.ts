import { randomUUID } from "node:crypto";
import type { Tx } from "@/server/db/client";
import { holdExpiry } from "@/core/booking/hold";
import { enqueueOutbox } from "@/modules/outbox/enqueue-outbox";
import { applyCancellation } from "@/modules/bookings/cancel-booking";
import { expireHolds } from "@/modules/bookings/expire-holds";
import { manageTokenFor } from "@/modules/bookings/manage-token";
import { findCalendlyBooking, mappedSessionType, overlapsLiveBooking } from "./find-calendly-booking";
import { bookingFromInvitee } from "./invitee-booking";
import type { InviteePayload } from "./invitee-payload";

export type CalendlyContext = { now: Date; holdMinutes: number; manageTokenSecret: string };
export type CalendlyOutcome = "processed" | "ignored";

export const SLOT_TAKEN = "SLOT_TAKEN";
export const RESCHEDULED = "RESCHEDULED";

/**
 * invitee.created: link the invitee to the booking our app started (utm_content), or to
 * the old booking of a reschedule, or create the booking for a client who booked on
 * Calendly directly. Times always come from Calendly's scheduled_event.
 */
export async function handleInviteeCreated(tx: Tx, invitee: InviteePayload, ctx: CalendlyContext): Promise<CalendlyOutcome> {
  const start = new Date(invitee.scheduled_event.start_time);
  const end = new Date(invitee.scheduled_event.end_time);
  const existing = await findCalendlyBooking(tx, invitee);

  if (existing) {
    // Already linked: a redelivery, or its cancel arrived first (then it stays cancelled).
    if (existing.calendlyInviteeUri === invitee.uri) return "processed";
    const booking = await tx.booking.findUniqueOrThrow({ where: { id: existing.id }, select: { builderId: true } });
    await expireHolds(tx, { now: ctx.now, builderId: booking.builderId });
    await tx.booking.update({
      where: { id: existing.id },
      data: { calendlyInviteeUri: invitee.uri, calendlyEventUri: invitee.scheduled_event.uri },
    });
    const current = await tx.booking.findUniqueOrThrow({ where: { id: existing.id }, select: { status: true, paymentStatus: true } });
    if (current.status === "CANCELLED") {
      // Our hold expired or was cancelled before the client finished on Calendly.
      await enqueueOutbox(tx, existing.id, ["CALENDLY_CANCEL"]);
      return "processed";
    }
    if (await overlapsLiveBooking(tx, booking.builderId, start, end, existing.id, ctx.now)) {
      await applyCancellation(tx, {
        bookingId: existing.id,
        now: ctx.now,
        reason: SLOT_TAKEN,
        cancelledBy: "SYSTEM",
        refundCents: 0,
        cancelOnCalendly: true,
      });
      return "processed";
    }
    // Scheduling done: a paid booking's payment window starts now, so Checkout (which needs
    // 30 minutes before it expires) can still be opened however long Calendly took.
    const awaitingPayment = current.status === "PENDING" && current.paymentStatus !== "NOT_REQUIRED";
    await tx.booking.update({
      where: { id: existing.id },
      data: { startTime: start, endTime: end, ...(awaitingPayment ? { holdExpiresAt: holdExpiry(ctx.now, ctx.holdMinutes) } : {}) },
    });
    if (current.paymentStatus === "NOT_REQUIRED") {
      const { count } = await tx.booking.updateMany({
        where: { id: existing.id, status: "PENDING" },
        data: { status: "CONFIRMED", holdExpiresAt: null },
      });
      if (count === 1) await enqueueOutbox(tx, existing.id, ["EMAIL_CONFIRMATION"]);
    }
    return "processed";
  }

  if (invitee.old_invitee) {
    const predecessor = await tx.booking.findUnique({ where: { calendlyInviteeUri: invitee.old_invitee }, select: { id: true } });
    if (predecessor) return createSuccessor(tx, predecessor.id, invitee, ctx);
  }
  return createFromCalendly(tx, invitee, ctx);
}

/** The new half of a reschedule: a new booking at the new time, carrying the payment over. */
async function createSuccessor(tx: Tx, oldId: string, invitee: InviteePayload, ctx: CalendlyContext): Promise<CalendlyOutcome> {
  const old = await tx.booking.findUniqueOrThrow({ where: { id: oldId } });
  await applyCancellation(tx, {
    bookingId: oldId,
    now: ctx.now,
    reason: RESCHEDULED,
    cancelledBy: "CALENDLY_INVITEE",
    refundCents: 0,
    cancelOnCalendly: false,
    notifyClient: false,
  });
  const wasLive = old.status !== "CANCELLED" || old.cancellationReason === RESCHEDULED;
  const paid = old.paymentStatus === "PAID";
  const id = randomUUID();
  const confirmed = wasLive && (paid || old.paymentStatus === "NOT_REQUIRED");
  await tx.booking.create({
    data: {
      id,
      sessionTypeId: old.sessionTypeId,
      builderId: old.builderId,
      clientId: old.clientId,
      clientName: old.clientName,
      clientEmail: old.clientEmail,
      startTime: new Date(invitee.scheduled_event.start_time),
      endTime: new Date(invitee.scheduled_event.end_time),
      status: confirmed ? "CONFIRMED" : wasLive ? "PENDING" : "CANCELLED",
      paymentStatus: old.paymentStatus,
      priceCents: old.priceCents,
      currency: old.currency,
      amountPaidCents: old.amountPaidCents,
      stripePaymentIntentId: old.stripePaymentIntentId,
      holdExpiresAt: confirmed ? null : holdExpiry(ctx.now, ctx.holdMinutes),
      calendlyInviteeUri: invitee.uri,
      calendlyEventUri: invitee.scheduled_event.uri,
      manageTokenHash: manageTokenFor(id, ctx.manageTokenSecret).hash,
      rescheduledFromId: oldId,
    },
  });
  if (confirmed) await enqueueOutbox(tx, id, ["EMAIL_RESCHEDULE"]);
  return "processed";
}

/** A client who booked on Calendly directly: the session type is found by event type URI. */
async function createFromCalendly(tx: Tx, invitee: InviteePayload, ctx: CalendlyContext): Promise<CalendlyOutcome> {
  const sessionType = await mappedSessionType(tx, invitee.scheduled_event.event_type);
  if (!sessionType) return "ignored";
  const start = new Date(invitee.scheduled_event.start_time);
  const end = new Date(invitee.scheduled_event.end_time);
  await expireHolds(tx, { now: ctx.now, builderId: sessionType.builderId });
  const clash = await overlapsLiveBooking(tx, sessionType.builderId, start, end, null, ctx.now);
  const free = sessionType.priceCents === 0;
  const client = await tx.user.findUnique({ where: { email: invitee.email.toLowerCase() }, select: { id: true } });
  const base = bookingFromInvitee(invitee, sessionType, ctx.manageTokenSecret);
  const id = base.id;
  await tx.booking.create({
    data: {
      ...base,
      clientId: client?.id ?? null,
      // A clash (Calendly and our calendar disagree) is recorded cancelled and undone on Calendly.
      status: clash ? "CANCELLED" : free ? "CONFIRMED" : "PENDING",
      holdExpiresAt: !clash && !free ? holdExpiry(ctx.now, ctx.holdMinutes) : null,
      ...(clash ? { cancellationReason: SLOT_TAKEN, cancelledBy: "SYSTEM" as const, cancelledAt: ctx.now } : {}),
    },
  });
  if (clash) await enqueueOutbox(tx, id, ["CALENDLY_CANCEL"]);
  else if (free) await enqueueOutbox(tx, id, ["EMAIL_CONFIRMATION"]);
  return "processed";
}
