import { ZodError } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import { handleInviteeCanceled } from "@/modules/calendly/handle-invitee-canceled";
import { handleInviteeCreated } from "@/modules/calendly/handle-invitee-created";
import { inviteePayload } from "@/modules/calendly/invitee-payload";
import { handleStripeEvent } from "@/modules/payments/handle-stripe-event";
import type { BookingConfig } from "@/modules/shared/booking-config";

export type ProcessOptions = {
  eventId: string;
  now?: Date;
} & Pick<BookingConfig, "holdMinutes" | "manageTokenSecret" | "refundPolicy">;

export type ProcessOutcome = "processed" | "ignored" | "already-done" | "missing";

/**
 * Applies one inbox event in one transaction: the state change, its outbox rows and the
 * inbox row's PROCESSED mark commit together or not at all. A failure is recorded on the
 * row (attempts, lastError) and rethrown for the queue's retry with backoff.
 */
export async function processWebhookEvent(db: PrismaClient, options: ProcessOptions): Promise<ProcessOutcome> {
  const now = options.now ?? new Date();
  try {
    return await db.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "WebhookEvent" WHERE id = ${options.eventId} AND status IN ('RECEIVED', 'FAILED') FOR UPDATE`;
      if (!locked.length) {
        const exists = await tx.webhookEvent.findUnique({ where: { id: options.eventId }, select: { id: true } });
        return exists ? "already-done" : "missing";
      }
      const event = await tx.webhookEvent.findUniqueOrThrow({ where: { id: options.eventId } });
      const payload = event.payload as { data?: { object?: unknown }; payload?: unknown };
      const ctx = {
        now,
        holdMinutes: options.holdMinutes,
        manageTokenSecret: options.manageTokenSecret,
        refundPolicy: options.refundPolicy,
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
      await tx.webhookEvent.update({
        where: { id: event.id },
        data: {
          status: outcome === "processed" ? "PROCESSED" : "IGNORED",
          processedAt: new Date(),
          attempts: { increment: 1 },
          lastError: null,
        },
      });
      return outcome;
    });
  } catch (error) {
    if (error instanceof ZodError) {
      // Signed by the provider but not the shape we act on: retrying cannot help.
      await db.webhookEvent.updateMany({
        where: { id: options.eventId },
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
      where: { id: options.eventId, status: { in: ["RECEIVED", "FAILED"] } },
      data: { status: "FAILED", attempts: { increment: 1 }, lastError: (error as Error).message.slice(0, 1000) },
    });
    throw error;
  }
}
