import { randomUUID } from "node:crypto";
import { initialStatusFor } from "@/core/booking/booking-lifecycle";
import { successorState } from "@/core/booking/booking-cancellation";
import { isAwaitingPayment } from "@/core/booking/booking-predicates";
import { holdExpiry } from "@/core/booking/hold";
import { enqueueOutbox } from "@/modules/outbox/enqueue-outbox";
import { applyCancellation } from "@/modules/bookings/lifecycle/apply-cancellation";
import { confirmBooking } from "@/modules/bookings/lifecycle/confirm-booking";
import { expireHolds } from "@/modules/bookings/lifecycle/expire-holds";
import { insertBooking } from "@/modules/bookings/lifecycle/insert-booking";
import { providerActor } from "@/modules/bookings/lifecycle/transition-actor";
import { manageTokenFor } from "@/modules/bookings/manage-token";
import type { BookingConfig } from "@/modules/shared/booking-config";
import type { Tx } from "@/modules/shared/tx";
import { bookableSelect, findCalendlyBooking, mappedSessionType, overlapsLiveBooking } from "./find-calendly-booking";
import { bookingFromInvitee, calendlyLinks, inviteeTimeZone } from "./invitee-booking";
import type { InviteePayload } from "./invitee-payload";
import { inviteeRefusal } from "./invitee-refusal";

export type CalendlyContext = {
  now: Date;
  /** Told which booking the event applies to, for the inbox row's link (the console's timeline). */
  onBooking?: (bookingId: string) => void;
  /** The inbox row being processed, for the booking's transition history. */
  webhookEventId?: string;
} & Pick<BookingConfig, "holdMinutes" | "manageTokenSecret" | "refundPolicy">;
export type CalendlyOutcome = "processed" | "ignored";

/**
 * invitee.created: link the invitee to the booking our app started (utm_content), or to
 * the old booking of a reschedule, or create the booking for a client who booked on
 * Calendly directly. Times always come from Calendly's scheduled_event, and are held to the
 * builder's rules: a time they refuse (past, too soon, too far ahead, a type not on offer or
 * hosted by someone else) is recorded cancelled, undone on Calendly and explained to the client.
 */
export async function handleInviteeCreated(tx: Tx, invitee: InviteePayload, ctx: CalendlyContext): Promise<CalendlyOutcome> {
  const start = new Date(invitee.scheduled_event.start_time);
  const end = new Date(invitee.scheduled_event.end_time);
  const existing = await findCalendlyBooking(tx, invitee);

  if (existing) {
    ctx.onBooking?.(existing.id);
    // Already linked: a redelivery, or its cancel arrived first (then it stays cancelled).
    if (existing.calendlyInviteeUri === invitee.uri) return "processed";
    const booking = await tx.booking.findUniqueOrThrow({
      where: { id: existing.id },
      select: { builderId: true, sessionType: { select: bookableSelect } },
    });
    await expireHolds(tx, { now: ctx.now, builderId: booking.builderId });
    await tx.booking.update({
      where: { id: existing.id },
      data: { calendlyInviteeUri: invitee.uri, calendlyEventUri: invitee.scheduled_event.uri, ...calendlyLinks(invitee) },
    });
    const current = await tx.booking.findUniqueOrThrow({ where: { id: existing.id }, select: { status: true, paymentStatus: true } });
    if (current.status === "CANCELLED") {
      // Our hold expired or was cancelled before the client finished on Calendly: undo it there.
      await enqueueOutbox(tx, existing.id, ["CALENDLY_CANCEL"]);
      return "processed";
    }
    const refusal = inviteeRefusal(invitee, booking.sessionType, ctx.now);
    if (refusal) {
      await applyCancellation(tx, {
        bookingId: existing.id,
        now: ctx.now,
        by: "SYSTEM",
        cause: "not-bookable",
        note: refusal,
        refundPolicy: ctx.refundPolicy,
        actor: calendlyActor(ctx, "invitee.created"),
      });
      return "processed";
    }
    if (await overlapsLiveBooking(tx, booking.builderId, start, end, existing.id, ctx.now)) {
      await applyCancellation(tx, {
        bookingId: existing.id,
        now: ctx.now,
        by: "SYSTEM",
        cause: "slot-taken",
        refundPolicy: ctx.refundPolicy,
        actor: calendlyActor(ctx, "invitee.created"),
      });
      return "processed";
    }
    // Scheduling done: a paid booking's payment window starts now, so Checkout (which needs
    // 30 minutes before it expires) can still be opened however long Calendly took.
    const awaitingPayment = current.status === "PENDING" && isAwaitingPayment(current.paymentStatus);
    await tx.booking.update({
      where: { id: existing.id },
      data: { startTime: start, endTime: end, ...(awaitingPayment ? { holdExpiresAt: holdExpiry(ctx.now, ctx.holdMinutes) } : {}) },
    });
    // A booking that owes no payment is confirmed now; one awaiting payment, when paid.
    await confirmBooking(tx, { bookingId: existing.id, actor: calendlyActor(ctx, "invitee.created") });
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
    by: "CALENDLY_INVITEE",
    cause: "rescheduled",
    refundPolicy: ctx.refundPolicy,
    actor: calendlyActor(ctx, "invitee.created"),
  });
  const state = successorState(old);
  const carriesPayment = state.paymentStatus === "PAID";
  const id = randomUUID();
  ctx.onBooking?.(id);
  await insertBooking(tx, {
    state,
    rescheduled: true,
    actor: calendlyActor(ctx, "invitee.created"),
    // The booking it moves was cancelled before the move: recorded cancelled, and undone on Calendly.
    ...(state.status === "CANCELLED" && { cancellation: { by: "SYSTEM", cause: "request", note: old.cancellationReason, at: ctx.now } }),
    data: {
      id,
      sessionTypeId: old.sessionTypeId,
      builderId: old.builderId,
      clientId: old.clientId,
      clientName: old.clientName,
      clientEmail: old.clientEmail,
      clientTimeZone: inviteeTimeZone(invitee) ?? old.clientTimeZone,
      startTime: new Date(invitee.scheduled_event.start_time),
      endTime: new Date(invitee.scheduled_event.end_time),
      priceCents: old.priceCents,
      currency: old.currency,
      amountPaidCents: carriesPayment ? old.amountPaidCents : null,
      stripePaymentIntentId: carriesPayment ? old.stripePaymentIntentId : null,
      holdExpiresAt: holdExpiry(ctx.now, ctx.holdMinutes),
      calendlyInviteeUri: invitee.uri,
      calendlyEventUri: invitee.scheduled_event.uri,
      ...calendlyLinks(invitee),
      manageTokenHash: manageTokenFor(id, ctx.manageTokenSecret).hash,
      rescheduledFromId: oldId,
    },
  });
  return "processed";
}

/** A client who booked on Calendly directly: the session type is found by event type URI. */
async function createFromCalendly(tx: Tx, invitee: InviteePayload, ctx: CalendlyContext): Promise<CalendlyOutcome> {
  const sessionType = await mappedSessionType(tx, invitee.scheduled_event.event_type);
  if (!sessionType) return "ignored";
  const start = new Date(invitee.scheduled_event.start_time);
  const end = new Date(invitee.scheduled_event.end_time);
  await expireHolds(tx, { now: ctx.now, builderId: sessionType.builderId });
  const client = await tx.user.findUnique({ where: { email: invitee.email.toLowerCase() }, select: { id: true } });
  const initial = initialStatusFor(sessionType.priceCents);
  const data = bookingFromInvitee(invitee, sessionType, ctx.manageTokenSecret);
  ctx.onBooking?.(data.id);
  // A refused time, or a clash (Calendly and our calendar disagree), is recorded cancelled and
  // undone on Calendly; a refused one owes no payment (no link to Checkout), only the reason why.
  const refusal = inviteeRefusal(invitee, sessionType, ctx.now);
  const clash = !refusal && (await overlapsLiveBooking(tx, sessionType.builderId, start, end, null, ctx.now));
  const cancellation = refusal
    ? ({ by: "SYSTEM", cause: "not-bookable", note: refusal, at: ctx.now } as const)
    : clash
      ? ({ by: "SYSTEM", cause: "slot-taken", at: ctx.now } as const)
      : undefined;
  await insertBooking(tx, {
    actor: calendlyActor(ctx, "invitee.created"),
    state: cancellation ? { status: "CANCELLED", paymentStatus: initial.paymentStatus } : initial,
    ...(cancellation && { cancellation }),
    data: {
      ...data,
      clientId: client?.id ?? null,
      holdExpiresAt: holdExpiry(ctx.now, ctx.holdMinutes),
    },
  });
  return "processed";
}

/** Calendly's event as the cause of a change, linked to its inbox row. */
export function calendlyActor(ctx: CalendlyContext, eventType: string) {
  return providerActor("CALENDLY", { webhookEventId: ctx.webhookEventId, eventType });
}
