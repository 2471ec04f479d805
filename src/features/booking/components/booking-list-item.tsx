"use client";

import Link from "next/link";
import type { BookingView } from "@/trpc/types";
import { canCancel, paymentLabel } from "@/features/booking/booking-labels";
import { formatMoney } from "@/core/money/money";
import { formatTimeRange } from "@/core/time/display";
import { BookingCancel } from "./booking-cancel";
import { BookingStatusBadge } from "./booking-status-badge";

/** One booking row; `perspective` decides whether the builder or the client is shown as the counterpart. */
export function BookingListItem({ booking, zone, perspective }: { booking: BookingView; zone: string; perspective: "client" | "builder" }) {
  const b = booking;
  const when = formatTimeRange(b.startTime, b.endTime, zone);
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
          {formatMoney({ amountCents: b.priceCents, currency: b.currency })} · {paymentLabel(b.paymentStatus)}
          {b.cancellationReason ? ` · Reason: ${b.cancellationReason}` : ""}
        </p>
      </div>
      <div className="booking-item-side">
        <BookingStatusBadge status={b.status} />
        {canCancel(b) ? <BookingCancel booking={b} contextLabel={`${b.sessionType.title} on ${when}`} /> : null}
      </div>
    </li>
  );
}
