import type { PrismaClient } from "@/generated/prisma/client";
import type { OutboxKind } from "@/generated/prisma/enums";
import type { Tx } from "@/server/db/client";
import type { CalendlyApi } from "@/modules/calendly/calendly-api";
import { CalendlyApiError } from "@/modules/calendly/calendly-api";
import { renderBookingEmail } from "@/modules/emails/booking-email";
import { MailSendError, type Mailer } from "@/modules/emails/mailer";
import { manageTokenFor } from "@/modules/bookings/manage-token";
import type { PaymentGateway } from "@/modules/payments/payment-gateway";
import { enqueueOutbox } from "./enqueue-outbox";
import { loadOutboxBooking, toEmailBooking } from "./outbox-booking";

export type OutboxDeps = {
  mailer: Mailer;
  payments: PaymentGateway;
  calendly: CalendlyApi;
  baseUrl: string;
  manageTokenSecret: string;
  emailPaused: boolean;
};

export type DeliveryOutcome = "sent" | "skipped" | "retry" | "failed";

/** Thrown so the job queue retries with backoff; the attempt is already recorded. */
export class RetryLaterError extends Error {}

type Effect = { providerMessageId: string | null; statusCode: number | null; followUp?: (tx: Tx) => Promise<void> };

async function perform(tx: Tx, kind: OutboxKind, bookingId: string, deps: OutboxDeps): Promise<Effect> {
  const booking = await loadOutboxBooking(tx, bookingId);
  switch (kind) {
    case "STRIPE_REFUND": {
      if (!booking.stripePaymentIntentId) throw new RetryLaterError("The payment intent is not known yet");
      const refund = await deps.payments.refund({
        bookingId,
        paymentIntentId: booking.stripePaymentIntentId,
        amountCents: booking.refundedCents ?? 0,
      });
      return {
        providerMessageId: refund.id,
        statusCode: null,
        followUp: async (t) => {
          const { count } = await t.booking.updateMany({
            where: { id: bookingId, paymentStatus: "REFUND_PENDING" },
            data: { paymentStatus: "REFUNDED" },
          });
          if (count === 1) await enqueueOutbox(t, bookingId, ["EMAIL_REFUND_NOTICE"]);
        },
      };
    }
    case "STRIPE_EXPIRE_CHECKOUT": {
      if (booking.stripeCheckoutSessionId) await deps.payments.expireCheckoutSession(booking.stripeCheckoutSessionId);
      return { providerMessageId: null, statusCode: null };
    }
    case "CALENDLY_CANCEL": {
      if (!booking.calendlyEventUri) return { providerMessageId: null, statusCode: null };
      await deps.calendly.cancelEvent(booking.calendlyEventUri, booking.cancellationReason ?? "Cancelled in the marketplace");
      return { providerMessageId: null, statusCode: null };
    }
    default: {
      if (deps.emailPaused) throw new RetryLaterError("Email sending is paused (EMAIL_SENDING_PAUSED)");
      const manageUrl = `${deps.baseUrl}/bookings/${bookingId}?token=${manageTokenFor(bookingId, deps.manageTokenSecret).token}`;
      const result = await deps.mailer.send(renderBookingEmail(kind, toEmailBooking(booking), manageUrl));
      return { providerMessageId: result.messageId, statusCode: result.statusCode };
    }
  }
}

function isRetryable(error: unknown): boolean {
  if (error instanceof RetryLaterError) return true;
  if (error instanceof MailSendError || error instanceof CalendlyApiError) return error.retryable;
  // Stripe and network errors: only a 4xx other than 429 is permanent.
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status !== "number" || status === 429 || status >= 500;
}

/**
 * Performs one owed side effect at most once at a time: the row is locked for the
 * duration (SKIP LOCKED, so a duplicate job simply finds nothing to do). Every attempt is
 * recorded; retryable failures throw RetryLaterError for the queue's backoff, permanent
 * ones (or the last attempt) leave the row FAILED for operators to see and replay.
 */
export async function deliverOutboxMessage(
  db: PrismaClient,
  deps: OutboxDeps,
  { outboxId, finalAttempt }: { outboxId: string; finalAttempt: boolean },
): Promise<DeliveryOutcome> {
  const outcome = await db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "OutboxMessage" WHERE id = ${outboxId} AND status = 'PENDING' FOR UPDATE SKIP LOCKED`;
    if (!locked.length) return { kind: "skipped" as const };
    const message = await tx.outboxMessage.findUniqueOrThrow({ where: { id: outboxId } });
    try {
      const effect = await perform(tx, message.kind, message.bookingId, deps);
      await tx.outboxMessage.update({
        where: { id: outboxId },
        data: {
          status: "SENT",
          sentAt: new Date(),
          attempts: { increment: 1 },
          providerMessageId: effect.providerMessageId,
          lastStatusCode: effect.statusCode,
          lastError: null,
        },
      });
      await effect.followUp?.(tx);
      return { kind: "sent" as const };
    } catch (error) {
      const retry = isRetryable(error) && !finalAttempt;
      await tx.outboxMessage.update({
        where: { id: outboxId },
        data: {
          attempts: { increment: 1 },
          lastError: (error as Error).message.slice(0, 1000),
          lastStatusCode: error instanceof MailSendError ? error.statusCode : null,
          ...(retry ? {} : { status: "FAILED" }),
        },
      });
      return retry ? { kind: "retry" as const, error } : { kind: "failed" as const };
    }
  });
  if (outcome.kind === "retry") throw new RetryLaterError((outcome.error as Error).message);
  return outcome.kind;
}
