// Refund policy for a cancelled paid booking (documented in the README):
// a full refund when cancelled at least `fullRefundHoursBefore` hours before the start,
// none after that. A builder or admin cancelling always refunds in full: the client
// did not choose to lose the session. A payment that lands on an already cancelled
// booking is always refunded in full.

export type RefundPolicy = { fullRefundHoursBefore: number };

export type RefundInput = {
  amountPaidCents: number;
  startTime: Date;
  now: Date;
  cancelledByClient: boolean;
  policy: RefundPolicy;
};

export function refundAmountCents(input: RefundInput): number {
  if (input.amountPaidCents <= 0) return 0;
  if (!input.cancelledByClient) return input.amountPaidCents;
  const cutoff = input.startTime.getTime() - input.policy.fullRefundHoursBefore * 3_600_000;
  return input.now.getTime() <= cutoff ? input.amountPaidCents : 0;
}
