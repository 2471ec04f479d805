"use client";

import Link from "next/link";
import type { BookingView } from "@/trpc/types";
import { canCancel, isExpiredHold, isOpenHold, paymentStateLabel, reasonLabel } from "@/features/booking/booking-labels";
import { formatMoney } from "@/core/money/money";
import { useViewerLocale } from "@/lib/use-viewer-zone";
import { formatViewerDeadline, formatViewerTimeRange } from "../viewer-time";
import { BookingCancel } from "./booking-cancel";
import { BookingStatusBadge } from "./booking-status-badge";
import { CompletePaymentButton } from "./complete-payment-button";

/** One booking row; `perspective` decides whether the builder or the client is shown as the counterpart. */
export function BookingListItem({ booking, zone, perspective }: { booking: BookingView; zone: string; perspective: "client" | "builder" }) {
  const b = booking;
  const locale = useViewerLocale();
  const now = new Date();
  const when = formatViewerTimeRange(b.startTime, b.endTime, zone, locale);
  const reason = b.status === "CANCELLED" && !isExpiredHold(b, now) ? reasonLabel(b.cancellationReason) : null;
  const payable = perspective === "client" && isOpenHold(b, now);
  return (
    <li className="card booking-item">
      <div className="booking-item-main">
        <h3>
          <Link href={`/bookings/${encodeURIComponent(b.id)}`}>{b.sessionType.title}</Link>
        </h3>
        <p>
          {perspective === "client" ? (
            <>
              with <Link href={`/builders/${encodeURIComponent(b.builder.slug)}`}>{b.builder.displayName}</Link>
            </>
          ) : (
            <>
              with {b.clientName} (<a href={`mailto:${b.clientEmail}`}>{b.clientEmail}</a>)
            </>
          )}
        </p>
        <p>{when}</p>
        <p className="muted small">
          {formatMoney({ amountCents: b.priceCents, currency: b.currency })} · {paymentStateLabel(b, now)}
          {reason ? ` · Reason: ${reason}` : ""}
        </p>
        {payable && b.holdExpiresAt ? (
          <p className="hold-deadline" data-testid="hold-deadline">
            Pay by {formatViewerDeadline(b.holdExpiresAt, now, zone, locale)} to keep this time.
          </p>
        ) : null}
      </div>
      <div className="booking-item-side">
        <BookingStatusBadge status={b.status} />
        {payable ? <CompletePaymentButton bookingId={b.id} contextLabel={`for ${b.sessionType.title} on ${when}`} /> : null}
        {canCancel(b) && !isExpiredHold(b, now) ? <BookingCancel booking={b} contextLabel={`${b.sessionType.title} on ${when}`} /> : null}
      </div>
    </li>
  );
}
