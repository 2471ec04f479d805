import type { PrismaClient } from "@/generated/prisma/client";
import { recordRefund } from "@/modules/bookings/lifecycle/record-refund";
import { manageTokenFor } from "@/modules/bookings/manage-token";
import { renderBookingEmail } from "@/modules/emails/booking-email";
import { bookingInviteAttachment } from "@/modules/emails/booking-invite-attachment";
import { CalendlyApiError, type CalendlyApi } from "@/modules/ports/calendly-api";
import { MailSendError, type Mailer } from "@/modules/ports/mailer";
import type { PaymentGateway } from "@/modules/ports/payment-gateway";
import type { Tx } from "@/modules/shared/tx";
import { claimOutboxMessage, DEFAULT_LEASE_MS, LIVE_LEASE_MS, renewOutboxLease, type OutboxClaim } from "./claim-outbox-message";
import { loadOutboxBooking, loadRescheduleChain, toEmailBooking } from "./outbox-booking";

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
};

/** "superseded": the call was made, but the lease had run out and another attempt owns the row. */
export type DeliveryOutcome = "sent" | "skipped" | "retry" | "failed" | "superseded";

/** Thrown so the job queue retries with backoff; the attempt is already recorded. */
export class RetryLaterError extends Error {}
/** An email while the EMAIL_SENDING_PAUSED lever is on: nothing was attempted, the row waits. */
export class EmailPausedError extends RetryLaterError {}

const PAUSED = "Email sending is paused (lever EMAIL_SENDING_PAUSED)";

type Effect = { providerMessageId: string | null; statusCode: number | null; followUp?: (tx: Tx) => Promise<void> };
type OutboxBooking = Awaited<ReturnType<typeof loadOutboxBooking>>;

// Step 2 of claim, call, record: the provider call, with no transaction open. Each call is
// safe to repeat except an email (SendGrid has no idempotency key): a refund carries
// `refund:<bookingId>`, expiring a closed Checkout Session or cancelling a cancelled Calendly
// event is a no-op, and an email carries its outbox id and attempt so duplicates are traceable.
async function call(db: PrismaClient, claim: OutboxClaim, booking: OutboxBooking, deps: OutboxDeps): Promise<Effect> {
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
    case "EMAIL_BUILDER_NEW_BOOKING":
    case "EMAIL_BUILDER_CANCELLATION":
    case "EMAIL_BUILDER_RESCHEDULE":
    case "EMAIL_BUILDER_PAYMENT_RECEIVED":
    case "EMAIL_REMINDER_CLIENT":
    case "EMAIL_REMINDER_BUILDER":
    case "EMAIL_PAYMENT_LINK":
    case "EMAIL_HOLD_EXPIRED":
    case "EMAIL_PASSWORD_RESET":
      // Not owed by any transition yet: a permanent failure, visible to operators, if one appears.
      throw new Error(`No delivery for outbox kind ${claim.kind} yet`);
    default: {
      const manageUrl = `${deps.baseUrl}/bookings/${booking.id}?token=${manageTokenFor(booking.id, deps.manageTokenSecret).token}`;
      const emailBooking = toEmailBooking(booking);
      const invite = bookingInviteAttachment(claim.kind, emailBooking, manageUrl, {
        status: booking.status,
        ...(await loadRescheduleChain(db, booking)),
        organizer: deps.inviteOrganizer,
        appUrl: deps.baseUrl,
      });
      if (invite.error) deps.onInviteError(invite.error, { bookingId: booking.id, outboxId: claim.id });
      const email = renderBookingEmail(claim.kind, emailBooking, manageUrl, invite.attachment ? [invite.attachment] : []);
      const customArgs = { ...email.customArgs, outboxId: claim.id, attempt: String(claim.attempt) };
      const result = await deps.mailer.send({ ...email, customArgs });
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
  if (claim === "done") return "skipped";
  if (claim === "busy") throw new RetryLaterError("Another worker holds this message; retried after its lease");
  options.onClaimed?.(claim);
  const mine = { id: outboxId, status: "PENDING" as const, attempts: claim.attempt };

  let effect: Effect;
  const heartbeat = keepLease(db, claim, lease);
  try {
    effect = await call(db, claim, await loadOutboxBooking(db, claim.bookingId), deps);
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

  const recorded = await db.$transaction(async (tx) => {
    const { count } = await tx.outboxMessage.updateMany({
      where: mine,
      data: {
        status: "SENT",
        sentAt: new Date(),
        leaseExpiresAt: null,
        providerMessageId: effect.providerMessageId,
        lastStatusCode: effect.statusCode,
        lastError: null,
      },
    });
    if (count === 0) return false;
    await effect.followUp?.(tx);
    return true;
  });
  return recorded ? "sent" : "superseded";
}
