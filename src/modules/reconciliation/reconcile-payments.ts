import { flagAttention } from "@/modules/bookings/flag-attention";
import type { PaymentLedger } from "@/modules/ports/payment-gateway";
import type { Db } from "@/modules/shared/tx";
import { comparePayment, type Mismatch, type MismatchKind, type StripePayment } from "./compare-payment";
import { feedMissedEvents } from "./feed-missed-events";
import { loadBookings, bookingsClaimingPayment, successorOf, type ReconciledBooking } from "./reconciliation-bookings";
import { awaitingInbox } from "./awaiting-inbox";
import { paymentFromIntent, paymentFromSession, readStripeSnapshot, refundedTotal, type StripeSnapshot } from "./stripe-snapshot";

export const DEFAULT_WINDOW_DAYS = 3;
/**
 * Stripe's `created` is in whole seconds and a booking's Checkout Session is created just after
 * the booking row: Stripe is read from a little before the window so a booking near its start
 * still finds its payment.
 */
const STRIPE_SLACK_MS = 60 * 60 * 1000;

export type ReconcileOptions = {
  ledger: PaymentLedger;
  enqueue: (eventId: string) => Promise<void>;
  windowDays?: number;
  now?: Date;
};

export type ReconcileResult = {
  runId: string;
  windowStart: Date;
  /** Bookings compared with Stripe. */
  checked: number;
  /** Mismatches found this run (already-flagged ones included: the count is the state now). */
  mismatches: number;
  byKind: Partial<Record<MismatchKind | "unknown-booking", number>>;
  /** Bookings whose flag this run raised or extended. */
  flagged: number;
  /** Stripe events our endpoint never acknowledged that the inbox did not hold: now recorded and enqueued. */
  missedEvents: number;
  /** Bookings left alone because an event about them waits in the inbox (it will settle them). */
  awaitingEvents: number;
  /** Paid Stripe payments naming a booking id we do not have. */
  unknownBookings: { bookingId: string; checkoutSessionId: string | null; paymentIntentId: string | null }[];
};

/** A run that failed part-way: what it had done (flags written, events fed) is kept and counted. */
export class ReconciliationError extends Error {
  constructor(
    cause: unknown,
    readonly partial: ReconcileResult,
  ) {
    super(`Reconciliation failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/**
 * Compares Stripe (Checkout Sessions, PaymentIntents and refunds created in the last
 * `windowDays`, and events never acknowledged) with the bookings. Each mismatch raises an
 * attention flag with its reason on the booking; nothing here changes status or money. Missed
 * events go to the inbox like a delivery, so the normal processing applies them.
 *
 * Order: every Stripe list is read first (no transaction open), then the undelivered events
 * (Stripe records an event with the change it reports, so any change in the lists has its event
 * by then), then the database. A booking with an event still waiting in the inbox is skipped:
 * that event will settle it, and a flag now would be a false alarm.
 */
export async function reconcilePayments(db: Db, options: ReconcileOptions): Promise<ReconcileResult> {
  const now = options.now ?? new Date();
  const windowStart = new Date(now.getTime() - (options.windowDays ?? DEFAULT_WINDOW_DAYS) * 86_400_000);
  const run = await db.reconciliationRun.create({ data: { startedAt: now, windowStart }, select: { id: true } });
  const result: ReconcileResult = {
    runId: run.id,
    windowStart,
    checked: 0,
    mismatches: 0,
    byKind: {},
    flagged: 0,
    missedEvents: 0,
    awaitingEvents: 0,
    unknownBookings: [],
  };
  const count = (kind: MismatchKind | "unknown-booking") => {
    result.mismatches += 1;
    result.byKind[kind] = (result.byKind[kind] ?? 0) + 1;
  };

  try {
    const since = new Date(windowStart.getTime() - STRIPE_SLACK_MS);
    const snapshot = await readStripeSnapshot(options.ledger, since);
    const undelivered = await options.ledger.undeliveredEventsSince(since);
    result.missedEvents = (await feedMissedEvents(db, { events: undelivered, enqueue: options.enqueue })).fed;

    const waiting = await awaitingInbox(db);
    const compare = async (payment: StripePayment | null, booking: ReconciledBooking) => {
      const ids = [
        booking.id,
        booking.stripeCheckoutSessionId,
        booking.stripePaymentIntentId,
        payment?.paymentIntentId,
        payment?.checkoutSessionId,
      ];
      if (ids.some((id) => id && waiting.has(id))) {
        result.awaitingEvents += 1;
        return;
      }
      result.checked += 1;
      const found: Mismatch[] = comparePayment(payment, booking);
      for (const mismatch of found) {
        count(mismatch.kind);
        const outcome = await flagAttention(db, { bookingId: booking.id, reason: mismatch.reason, now });
        if (outcome === "flagged" || outcome === "appended") result.flagged += 1;
      }
    };

    const compared = new Set<string>();
    const bookings = await loadBookings(db, snapshot.payments);
    for (const payment of snapshot.payments) {
      const named = bookings.find(payment);
      if (!named) {
        // No bookingId at all: not a payment this app started (another integration on the account).
        if (payment.bookingId) {
          count("unknown-booking");
          result.unknownBookings.push({
            bookingId: payment.bookingId,
            checkoutSessionId: payment.checkoutSessionId,
            paymentIntentId: payment.paymentIntentId,
          });
        }
        continue;
      }
      // A booking cancelled as half of a reschedule handed its payment on (applyPayment does the
      // same): the successor is compared, and the original is not compared again on its own.
      const booking = (await successorOf(db, named)) ?? named;
      if (compared.has(booking.id)) continue;
      compared.add(named.id).add(booking.id);
      await compare(payment, booking);
    }

    for (const booking of await bookingsClaimingPayment(db, { since: windowStart, except: compared })) {
      compared.add(booking.id);
      await compare(await paymentOf(options, snapshot, booking), booking);
    }
  } catch (error) {
    await finish(db, result, error);
    throw new ReconciliationError(error, result);
  }
  await finish(db, result, null);
  return result;
}

/** The Stripe payment behind a booking that says it was paid but was not in the lists (read one by one). */
async function paymentOf(options: ReconcileOptions, snapshot: StripeSnapshot, booking: ReconciledBooking): Promise<StripePayment | null> {
  const sessionId = booking.stripeCheckoutSessionId;
  const session = sessionId ? (snapshot.sessions.get(sessionId) ?? (await options.ledger.checkoutSession(sessionId))) : null;
  const intentId = booking.stripePaymentIntentId ?? session?.paymentIntentId ?? null;
  const intent = intentId ? (snapshot.intents.get(intentId) ?? (await options.ledger.paymentIntent(intentId))) : null;
  if (!intent) return session ? paymentFromSession(session) : null;
  const payment = paymentFromIntent(intent, session);
  if (payment.paid) payment.refundedCents = refundedTotal(await options.ledger.refundsOf(intent.id));
  return payment;
}

async function finish(db: Db, result: ReconcileResult, error: unknown): Promise<void> {
  await db.reconciliationRun.update({
    where: { id: result.runId },
    data: {
      finishedAt: new Date(),
      checked: result.checked,
      mismatches: result.mismatches,
      missedEvents: result.missedEvents,
      error: error === null ? null : (error instanceof Error ? error.message : "Unknown error").slice(0, 1000),
    },
  });
}
