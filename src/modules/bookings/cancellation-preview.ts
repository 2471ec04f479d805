import { refundDueOnCancel, type Canceller } from "@/core/booking/booking-cancellation";
import type { RefundPolicy } from "@/core/booking/refund-policy";
import { cancellationOutcome, cancellationOutcomeText, refundCutoff, refundPolicySentence } from "@/core/booking/refund-policy-text";
import type { BookingRelation } from "./booking-access";
import type { BookingView, CancellationPreview } from "./booking-view";

// The same mapping cancel-booking.ts uses: whoever asks is who would cancel.
const cancellerFor: Record<Exclude<BookingRelation, null>, Canceller> = {
  admin: "ADMIN",
  client: "CLIENT",
  token: "CLIENT",
  builder: "BUILDER",
};

export function cancellationPreview(
  booking: Pick<BookingView, "status" | "paymentStatus" | "priceCents" | "currency" | "startTime"> & { amountPaidCents: number | null },
  { relation, now, policy }: { relation: Exclude<BookingRelation, null>; now: Date; policy: RefundPolicy },
): CancellationPreview {
  const paid = booking.priceCents > 0;
  if (!paid) return { policy: null, outcome: null, refundCutoff: null };
  const cutoff = refundCutoff(booking.startTime, policy);
  if (booking.status === "CANCELLED") return { policy: refundPolicySentence(policy), outcome: null, refundCutoff: cutoff };
  const paidCents = booking.paymentStatus === "PAID" ? (booking.amountPaidCents ?? 0) : 0;
  const refundCents = refundDueOnCancel(booking, { by: cancellerFor[relation], cause: "request", now, policy });
  const outcome = cancellationOutcomeText(cancellationOutcome({ paidCents, refundCents, currency: booking.currency }));
  return { policy: refundPolicySentence(policy), outcome, refundCutoff: cutoff };
}
