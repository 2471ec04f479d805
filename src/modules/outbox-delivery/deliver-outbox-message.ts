import type { PrismaClient } from "@/generated/prisma/client";
import { recordRefund } from "@/modules/bookings/lifecycle/record-refund";
import type { RefundPolicy } from "@/core/booking/refund-policy";
import { isBookingEmailKind } from "@/modules/emails/booking-email";
import { CalendlyApiError, type CalendlyApi } from "@/modules/ports/calendly-api";
import { MailSendError, type Mailer } from "@/modules/ports/mailer";
import type { PaymentGateway } from "@/modules/ports/payment-gateway";
import type { Tx } from "@/modules/shared/tx";
import { claimOutboxMessage, DEFAULT_LEASE_MS, LIVE_LEASE_MS, renewOutboxLease, type OutboxClaim } from "./claim-outbox-message";
import { deliverAccountEmail } from "./account-email";
import { deliverBookingEmail } from "./booking-email-delivery";
import { loadOutboxBooking } from "./outbox-booking";

export type OutboxDeps = {
  mailer: Mailer;
  payments: PaymentGateway;
  calendly: CalendlyApi;
  baseUrl: string;
  manageTokenSecret: string;
  /** Asked per delivery: the lever can change while the worker runs (src/server/levers). */
  emailPaused: () => boolean | Promise<boolean>;
  /** The calendar invite's organizer: the address booking emails come from. */
  inviteOrganizer: { name: string; email: string };
  /** Told when an invite cannot be built; the email still goes out, without it. */
  onInviteError: (error: Error, context: { bookingId: string; outboxId: string }) => void;
  /** The cancellation policy emails state (REFUND_FULL_HOURS_BEFORE). */
  refundPolicy: RefundPolicy;
};

/**
 * "superseded": the call was made, but the lease had run out and another attempt owns the row.
 * "cancelled": no longer owed when it came due (a reminder for a cancelled or moved booking).
 */
export type DeliveryOutcome = "sent" | "skipped" | "retry" | "failed" | "superseded" | "cancelled";

/** Thrown so the job queue retries with backoff; the attempt is already recorded. */
export class RetryLaterError extends Error {}
/** An email while the EMAIL_SENDING_PAUSED lever is on: nothing was attempted, the row waits. */
export class EmailPausedError extends RetryLaterError {}

const PAUSED = "Email sending is paused (lever EMAIL_SENDING_PAUSED)";

/** A call's result to record, or why the row is no longer owed (recorded CANCELLED, nothing sent). */
type Effect = { providerMessageId: string | null; statusCode: number | null; followUp?: (tx: Tx) => Promise<void> } | { notOwed: string };

// Step 2 of claim, call, record: the provider call, with no transaction open. Each call is
// safe to repeat except an email (SendGrid has no idempotency key): a refund carries
// `refund:<bookingId>`, expiring a closed Checkout Session or cancelling a cancelled Calendly
// event is a no-op, and an email carries its outbox id and attempt so duplicates are traceable.
async function call(db: PrismaClient, claim: OutboxClaim, deps: OutboxDeps): Promise<Effect> {
  if (claim.kind === "EMAIL_PASSWORD_RESET") return deliverAccountEmail(db, claim, deps);
  if (!claim.bookingId) throw new Error(`Outbox ${claim.kind} names no booking`);
  const booking = await loadOutboxBooking(db, claim.bookingId);
  switch (claim.kind) {
    case "STRIPE_REFUND": {
      if (!booking.stripePaymentIntentId) throw new RetryLaterError("The payment intent is not known yet");
      const refund = await deps.payments.refund({
        bookingId: booking.id,
        paymentIntentId: booking.stripePaymentIntentId,
        amountCents: booking.refundedCents ?? 0,
      });
      return {
        providerMessageId: refund.id,
        statusCode: null,
        followUp: async (tx) => {
          // Not applied when Stripe's charge.refunded was recorded first: the notice is owed once either way.
          await recordRefund(tx, { bookingId: booking.id });
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
      const { kind } = claim;
      if (!isBookingEmailKind(kind)) throw new Error(`No delivery for outbox kind ${String(kind)}`);
      return deliverBookingEmail(db, claim, kind, booking, deps);
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

export type DeliveryOptions = {
  outboxId: string;
  finalAttempt: boolean;
  /** The longest the attempt may take in all (default DEFAULT_LEASE_MS). */
  leaseMs?: number;
  /** The lease granted at a time and renewed while the call runs (default LIVE_LEASE_MS). */
  liveLeaseMs?: number;
  /** Told the claimed attempt before the call (a worker releases it if it must stop mid-call). */
  onClaimed?: (claim: OutboxClaim) => void;
};

/**
 * Renews the attempt's lease every quarter of `liveLeaseMs` while the call runs, so the lease
 * only runs out once this process stops (killed, or cut off from the database for longer than
 * that): then the row is retried within seconds, its outcome recorded as unknown. Renewal
 * stops at `leaseMs` in all, or once the row is no longer this attempt's. A failed renewal
 * (database unreachable) is not an error: the lease simply runs out.
 */
function keepLease(db: PrismaClient, claim: OutboxClaim, { leaseMs, liveLeaseMs }: { leaseMs: number; liveLeaseMs: number }) {
  if (leaseMs <= liveLeaseMs) return { stop: () => {} };
  const until = Date.now() + leaseMs;
  const timer = setInterval(() => {
    if (Date.now() >= until) return clearInterval(timer);
    renewOutboxLease(db, { outboxId: claim.id, attempt: claim.attempt, leaseMs, liveLeaseMs }).then(
      (mine) => {
        if (!mine) clearInterval(timer);
      },
      () => {},
    );
  }, liveLeaseMs / 4);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/**
 * Performs one owed side effect by claim, call, record, so no transaction is open while a
 * provider is called: (1) claim the attempt (committed), (2) call the provider, (3) record
 * the outcome with an update conditional on still owning that attempt, together with any
 * follow-up writes. Retryable failures go back to PENDING and throw RetryLaterError for the
 * queue's backoff; permanent ones (or the last attempt) leave the row FAILED for operators.
 * A crash between (1) and (3) leaves a lease that runs out within LIVE_LEASE_MS (nothing renews
 * it); the recovery loop or the next claim then records the unknown outcome on the row and
 * retries it.
 */
export async function deliverOutboxMessage(db: PrismaClient, deps: OutboxDeps, options: DeliveryOptions): Promise<DeliveryOutcome> {
  const { outboxId, finalAttempt } = options;
  const row = await db.outboxMessage.findUnique({ where: { id: outboxId }, select: { kind: true, status: true } });
  if (row?.status !== "PENDING") return "skipped";
  if (row.kind.startsWith("EMAIL_") && (await deps.emailPaused())) {
    // Not an attempt: nothing is claimed or called, and the row stays PENDING (also on the
    // queue's last retry: once the job has given up, the sweep enqueues the row again).
    await db.outboxMessage.updateMany({ where: { id: outboxId, status: "PENDING" }, data: { lastError: PAUSED } });
    throw new EmailPausedError(PAUSED);
  }

  const lease = { leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS, liveLeaseMs: options.liveLeaseMs ?? LIVE_LEASE_MS };
  const claim = await claimOutboxMessage(db, { outboxId, ...lease });
  // Not due yet (a reminder reached early): nothing attempted; the recovery pass enqueues it once due.
  if (claim === "done" || claim === "not-due") return "skipped";
  if (claim === "busy") throw new RetryLaterError("Another worker holds this message; retried after its lease");
  options.onClaimed?.(claim);
  const mine = { id: outboxId, status: "PENDING" as const, attempts: claim.attempt };

  let effect: Effect;
  const heartbeat = keepLease(db, claim, lease);
  try {
    effect = await call(db, claim, deps);
  } catch (error) {
    heartbeat.stop();
    const retry = isRetryable(error) && !finalAttempt;
    const { count } = await db.outboxMessage.updateMany({
      where: mine,
      data: {
        leaseExpiresAt: null,
        lastError: (error as Error).message.slice(0, 1000),
        lastStatusCode: error instanceof MailSendError ? error.statusCode : null,
        ...(retry ? {} : { status: "FAILED" }),
      },
    });
    if (count === 0) return "superseded";
    if (retry) throw new RetryLaterError((error as Error).message);
    return "failed";
  }
  heartbeat.stop();

  if ("notOwed" in effect) {
    const { count } = await db.outboxMessage.updateMany({
      where: mine,
      data: { status: "CANCELLED", leaseExpiresAt: null, lastError: effect.notOwed },
    });
    return count === 0 ? "superseded" : "cancelled";
  }
  const sent = effect;
  const recorded = await db.$transaction(async (tx) => {
    const { count } = await tx.outboxMessage.updateMany({
      where: mine,
      data: {
        status: "SENT",
        sentAt: new Date(),
        leaseExpiresAt: null,
        providerMessageId: sent.providerMessageId,
        lastStatusCode: sent.statusCode,
        lastError: null,
      },
    });
    if (count === 0) return false;
    await sent.followUp?.(tx);
    return true;
  });
  return recorded ? "sent" : "superseded";
}
