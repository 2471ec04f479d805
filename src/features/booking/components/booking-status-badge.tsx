import type { BookingView } from "@/trpc/types";
import { statusLabel } from "@/features/booking/booking-labels";

export function BookingStatusBadge({ status }: { status: BookingView["status"] }) {
  return (
    <span className={`badge badge-${status.toLowerCase()}`} data-testid="booking-status" data-status={status}>
      {statusLabel(status)}
    </span>
  );
}
