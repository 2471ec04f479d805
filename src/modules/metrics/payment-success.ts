import type { Tx } from "@/modules/shared/tx";
import type { UtcRange } from "./metrics-range";

/**
 * Paid bookings created in the range whose checkout started, by outcome. Each counts once, in
 * this order: paid (money arrived, even if refunded later), failed (a payment attempt failed
 * and none succeeded), expired (the hold ran out unpaid), open (still waiting).
 */
export type PaymentSuccess = {
  checkoutsStarted: number;
  paid: number;
  failed: number;
  expired: number;
  open: number;
  /** paid / checkoutsStarted, 0-1; null with no checkout. */
  successRate: number | null;
};

const TRANSITION = (names: string) =>
  `EXISTS (SELECT 1 FROM "BookingTransition" t WHERE t."bookingId" = b.id AND t.transition IN (${names}))`;

export async function paymentSuccess(db: Tx, range: UtcRange): Promise<PaymentSuccess> {
  const [row] = await db.$queryRawUnsafe<Omit<PaymentSuccess, "open" | "successRate">[]>(
    `WITH started AS (
       SELECT (b."amountPaidCents" IS NOT NULL OR b."paymentStatus" IN ('PAID', 'REFUND_PENDING', 'REFUNDED')) AS paid,
              (b."paymentStatus" = 'FAILED' OR ${TRANSITION(`'failPayment'`)}) AS failed,
              (b.status = 'CANCELLED' AND (b."cancelledBy" = 'SYSTEM' OR ${TRANSITION(`'expireHold'`)})) AS expired
         FROM "Booking" b
        WHERE b."createdAt" >= $1 AND b."createdAt" < $2 AND b."priceCents" > 0 AND b."rescheduledFromId" IS NULL
          AND (b."stripeCheckoutSessionId" IS NOT NULL OR b."amountPaidCents" IS NOT NULL
               OR ${TRANSITION(`'pay', 'failPayment', 'refundLatePayment'`)})
     )
     SELECT COUNT(*)::int AS "checkoutsStarted",
            (COUNT(*) FILTER (WHERE paid))::int AS paid,
            (COUNT(*) FILTER (WHERE NOT paid AND failed))::int AS failed,
            (COUNT(*) FILTER (WHERE NOT paid AND NOT failed AND expired))::int AS expired
       FROM started`,
    range.start,
    range.end,
  );
  const counts = row ?? { checkoutsStarted: 0, paid: 0, failed: 0, expired: 0 };
  return {
    ...counts,
    open: counts.checkoutsStarted - counts.paid - counts.failed - counts.expired,
    successRate: counts.checkoutsStarted ? counts.paid / counts.checkoutsStarted : null,
  };
}
