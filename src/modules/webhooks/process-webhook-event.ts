import { ZodError } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import type { WebhookStatus } from "@/generated/prisma/enums";
import { handleInviteeCanceled } from "@/modules/calendly/handle-invitee-canceled";
import { handleInviteeCreated } from "@/modules/calendly/handle-invitee-created";
import { inviteePayload } from "@/modules/calendly/invitee-payload";
import { handleStripeEvent } from "@/modules/payments/handle-stripe-event";
import type { BookingConfig } from "@/modules/shared/booking-config";
import type { Tx } from "@/modules/shared/tx";

/** The statuses the automatic path (queue job, cron drain) acts on. */
export const AUTOMATIC_FROM: readonly WebhookStatus[] = ["RECEIVED", "FAILED"];

export type ProcessOptions = {
  eventId: string;
  now?: Date;
  /** Manual booking mode: mark the event HELD for an operator instead of applying it. */
  hold?: boolean;
  /**
   * The statuses this call may act on (locked and re-checked). Operators apply HELD events and
   * replay FAILED, IGNORED or DISMISSED ones through this same function, so the end state is
   * the one automatic processing would have reached.
   */
  from?: readonly WebhookStatus[];
  /** Runs inside the processing transaction once the event is marked: an operator's audit row. */
  onApplied?: (tx: Tx, result: { outcome: "processed" | "ignored"; bookingId: string | null }) => Promise<void>;
} & Pick<BookingConfig, "holdMinutes" | "manageTokenSecret" | "refundPolicy">;

export type ProcessOutcome = "processed" | "ignored" | "held" | "already-done" | "missing";

/**
 * Applies one inbox event in one transaction: the state change, its outbox rows and the
 * inbox row's PROCESSED mark (with the booking it applied to) commit together or not at all.
 * A failure is recorded on the row (attempts, lastError) and rethrown for the queue's retry.
 */
export async function processWebhookEvent(db: PrismaClient, options: ProcessOptions): Promise<ProcessOutcome> {
  const now = options.now ?? new Date();
  const from = [...(options.from ?? AUTOMATIC_FROM)];
  try {
    return await db.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "WebhookEvent" WHERE id = ${options.eventId} AND status::text = ANY(${from}::text[]) FOR UPDATE`;
      if (!locked.length) {
        const exists = await tx.webhookEvent.findUnique({ where: { id: options.eventId }, select: { id: true } });
        return exists ? "already-done" : "missing";
      }
      if (options.hold) {
        // Verified and recorded, not applied: an operator applies or dismisses it (docs/decisions/0022).
        await tx.webhookEvent.update({ where: { id: options.eventId }, data: { status: "HELD", lastError: null } });
        return "held";
      }
      const event = await tx.webhookEvent.findUniqueOrThrow({ where: { id: options.eventId } });
      const payload = event.payload as { data?: { object?: unknown }; payload?: unknown };
      let bookingId: string | null = null;
      const ctx = {
        now,
        holdMinutes: options.holdMinutes,
        manageTokenSecret: options.manageTokenSecret,
        refundPolicy: options.refundPolicy,
        onBooking: (id: string) => (bookingId = id),
        webhookEventId: event.id,
      };

      let outcome: "processed" | "ignored";
      if (event.provider === "STRIPE") {
        outcome = await handleStripeEvent(tx, { type: event.type, object: payload.data?.object }, ctx);
      } else if (event.type === "invitee.created") {
        outcome = await handleInviteeCreated(tx, inviteePayload.parse(payload.payload), ctx);
      } else if (event.type === "invitee.canceled") {
        outcome = await handleInviteeCanceled(tx, inviteePayload.parse(payload.payload), ctx);
      } else {
        outcome = "ignored";
      }
      // A Stripe event may name a booking that does not exist (not ours): no link then.
      const linked = bookingId && (await tx.booking.count({ where: { id: bookingId } })) ? bookingId : null;
      await tx.webhookEvent.update({
        where: { id: event.id },
        data: {
          status: outcome === "processed" ? "PROCESSED" : "IGNORED",
          processedAt: new Date(),
          attempts: { increment: 1 },
          lastError: null,
          ...(linked ? { bookingId: linked } : {}),
        },
      });
      await options.onApplied?.(tx, { outcome, bookingId: linked });
      return outcome;
    });
  } catch (error) {
    if (error instanceof ZodError) {
      // Signed by the provider but not the shape we act on: retrying cannot help.
      await db.webhookEvent.updateMany({
        where: { id: options.eventId, status: { in: from } },
        data: {
          status: "IGNORED",
          processedAt: new Date(),
          attempts: { increment: 1 },
          lastError: `Unexpected payload: ${error.issues.map((i) => i.path.join(".")).join(", ")}`.slice(0, 1000),
        },
      });
      return "ignored";
    }
    await db.webhookEvent.updateMany({
      where: { id: options.eventId, status: { in: from } },
      data: { status: "FAILED", attempts: { increment: 1 }, lastError: (error as Error).message.slice(0, 1000) },
    });
    throw error;
  }
}
