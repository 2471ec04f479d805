import type { Db } from "@/modules/shared/tx";
import type { StripePayment } from "./compare-payment";

const columns = {
  id: true,
  status: true,
  paymentStatus: true,
  priceCents: true,
  currency: true,
  amountPaidCents: true,
  refundedCents: true,
  stripeCheckoutSessionId: true,
  stripePaymentIntentId: true,
} as const;

export type ReconciledBooking = {
  id: string;
  status: string;
  paymentStatus: "NOT_REQUIRED" | "UNPAID" | "FAILED" | "PAID" | "REFUND_PENDING" | "REFUNDED";
  priceCents: number;
  currency: string;
  amountPaidCents: number | null;
  refundedCents: number | null;
  stripeCheckoutSessionId: string | null;
  stripePaymentIntentId: string | null;
};

/** The bookings Stripe's payments name, by booking id, PaymentIntent or Checkout Session (in that order). */
export async function loadBookings(db: Db, payments: StripePayment[]) {
  const bookingIds = payments.flatMap((p) => (p.bookingId ? [p.bookingId] : []));
  const intentIds = payments.flatMap((p) => (p.paymentIntentId ? [p.paymentIntentId] : []));
  const sessionIds = payments.flatMap((p) => (p.checkoutSessionId ? [p.checkoutSessionId] : []));
  const rows: ReconciledBooking[] = payments.length
    ? await db.booking.findMany({
        where: {
          OR: [{ id: { in: bookingIds } }, { stripePaymentIntentId: { in: intentIds } }, { stripeCheckoutSessionId: { in: sessionIds } }],
        },
        select: columns,
      })
    : [];
  const byId = new Map(rows.map((b) => [b.id, b]));
  const bySession = new Map(rows.flatMap((b) => (b.stripeCheckoutSessionId ? [[b.stripeCheckoutSessionId, b] as const] : [])));
  // Several bookings share a PaymentIntent after a paid reschedule; the original comes first, and successorOf moves on.
  const byIntent = new Map<string, ReconciledBooking>();
  for (const b of rows) if (b.stripePaymentIntentId && !byIntent.has(b.stripePaymentIntentId)) byIntent.set(b.stripePaymentIntentId, b);
  return {
    find(payment: StripePayment): ReconciledBooking | undefined {
      return (
        (payment.bookingId ? byId.get(payment.bookingId) : undefined) ??
        (payment.paymentIntentId ? byIntent.get(payment.paymentIntentId) : undefined) ??
        (payment.checkoutSessionId ? bySession.get(payment.checkoutSessionId) : undefined)
      );
    },
  };
}

/** The booking a cancelled one was rescheduled to, followed to the end of the chain (null when none). */
export async function successorOf(db: Db, booking: ReconciledBooking): Promise<ReconciledBooking | null> {
  let current: ReconciledBooking | null = null;
  let from = booking;
  for (let hop = 0; hop < 5 && from.status === "CANCELLED"; hop++) {
    const next: ReconciledBooking | null = await db.booking.findFirst({ where: { rescheduledFromId: from.id }, select: columns });
    if (!next) break;
    current = next;
    from = next;
  }
  return current;
}

/** Bookings created in the window that say money was received: each must have a successful payment in Stripe. */
export function bookingsClaimingPayment(db: Db, { since, except }: { since: Date; except: Set<string> }): Promise<ReconciledBooking[]> {
  return db.booking.findMany({
    where: {
      createdAt: { gte: since },
      paymentStatus: { in: ["PAID", "REFUND_PENDING", "REFUNDED"] },
      id: { notIn: [...except] },
    },
    select: columns,
    orderBy: { createdAt: "asc" },
  });
}
