import { formatMoney } from "../money/money";
import { refundAmountCents, type RefundPolicy } from "./refund-policy";

// The refund policy in words, shared by the screens and the emails so both say exactly what
// the cancellation will do. Pure: callers pass the facts (and `now`), nothing is read here.

function hoursPhrase(hours: number): string {
  return hours === 1 ? "1 hour" : `${hours} hours`;
}

/** "Free cancellation until 24 hours before the start; after that, no refund." */
export function refundPolicySentence(policy: RefundPolicy): string {
  if (policy.fullRefundHoursBefore <= 0) return "Free cancellation until the start; after that, no refund.";
  return `Free cancellation until ${hoursPhrase(policy.fullRefundHoursBefore)} before the start; after that, no refund.`;
}

/** The instant after which a client's cancellation no longer refunds. */
export function refundCutoff(startTime: Date, policy: RefundPolicy): Date {
  return new Date(startTime.getTime() - policy.fullRefundHoursBefore * 3_600_000);
}

/**
 * What a cancellation does to the money: "refund" (all of what was paid comes back), "forfeit"
 * (part or all is kept) or "none" (nothing was paid: a free session or an unpaid hold).
 */
export type CancellationOutcome =
  | { kind: "none" }
  | { kind: "refund"; refundCents: number; currency: string }
  | { kind: "forfeit"; refundCents: number; keptCents: number; currency: string };

/** The outcome from what was paid and what will be refunded (as the lifecycle computes it). */
export function cancellationOutcome(input: { paidCents: number; refundCents: number; currency: string }): CancellationOutcome {
  const { paidCents, refundCents, currency } = input;
  if (paidCents <= 0) return { kind: "none" };
  if (refundCents >= paidCents) return { kind: "refund", refundCents: paidCents, currency };
  return { kind: "forfeit", refundCents: Math.max(0, refundCents), keptCents: paidCents - Math.max(0, refundCents), currency };
}

/** The outcome of the client cancelling a booking they paid `paidCents` for, at `now`. */
export function clientCancellationOutcome(input: {
  paidCents: number;
  currency: string;
  startTime: Date;
  now: Date;
  policy: RefundPolicy;
}): CancellationOutcome {
  const refundCents = refundAmountCents({
    amountPaidCents: input.paidCents,
    startTime: input.startTime,
    now: input.now,
    cancelledByClient: true,
    policy: input.policy,
  });
  return cancellationOutcome({ paidCents: input.paidCents, refundCents, currency: input.currency });
}

/**
 * Before the click: "You will be refunded $150.00" / "Cancelling now is not refundable ($150.00)";
 * null when there is no money to speak of.
 */
export function cancellationOutcomeText(outcome: CancellationOutcome): string | null {
  switch (outcome.kind) {
    case "none":
      return null;
    case "refund":
      return `You will be refunded ${formatMoney({ amountCents: outcome.refundCents, currency: outcome.currency })}`;
    case "forfeit":
      if (outcome.refundCents === 0)
        return `Cancelling now is not refundable (${formatMoney({ amountCents: outcome.keptCents, currency: outcome.currency })})`;
      return `You will be refunded ${formatMoney({ amountCents: outcome.refundCents, currency: outcome.currency })}; ${formatMoney({ amountCents: outcome.keptCents, currency: outcome.currency })} is not refundable`;
  }
}

/** After the fact, for the cancellation email: "You have been refunded $150.00" / "No refund is due ($150.00)". */
export function cancellationResultText(outcome: CancellationOutcome): string | null {
  switch (outcome.kind) {
    case "none":
      return null;
    case "refund":
      return `A refund of ${formatMoney({ amountCents: outcome.refundCents, currency: outcome.currency })} is on its way`;
    case "forfeit":
      if (outcome.refundCents === 0)
        return `This cancellation was not refundable (${formatMoney({ amountCents: outcome.keptCents, currency: outcome.currency })})`;
      return `A refund of ${formatMoney({ amountCents: outcome.refundCents, currency: outcome.currency })} is on its way; ${formatMoney({ amountCents: outcome.keptCents, currency: outcome.currency })} was not refundable`;
  }
}
