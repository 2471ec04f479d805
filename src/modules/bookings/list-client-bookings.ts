import type { RefundPolicy } from "@/core/booking/refund-policy";
import type { Tx } from "@/modules/shared/tx";
import { bookingViewSelect, cancellationPreviewSelect } from "./booking-view";
import { cancellationPreview } from "./cancellation-preview";

/** The client's own bookings, each with what cancelling it now would do (they cancel as the client). */
export async function listClientBookings(tx: Tx, clientId: string, { now, refundPolicy }: { now: Date; refundPolicy: RefundPolicy }) {
  const rows = await tx.booking.findMany({
    where: { clientId },
    orderBy: [{ startTime: "desc" }],
    take: 200,
    select: { ...bookingViewSelect, ...cancellationPreviewSelect },
  });
  return rows.map(({ amountPaidCents, ...view }) => ({
    ...view,
    cancellation: cancellationPreview({ ...view, amountPaidCents }, { relation: "client", now, policy: refundPolicy }),
  }));
}
