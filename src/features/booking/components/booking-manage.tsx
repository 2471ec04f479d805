"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/client";
import { canCancel, canCompletePayment, paymentLabel } from "@/features/booking/booking-labels";
import { getAppCode } from "@/lib/errors";
import { formatMoney } from "@/core/money/money";
import { signInHref } from "@/lib/safe-next";
import { formatDateTime, formatTimeRange } from "@/core/time/display";
import { useViewerZone } from "@/lib/use-viewer-zone";
import { BookingCancel } from "./booking-cancel";
import { BookingStatusBadge } from "./booking-status-badge";
import { CompletePaymentButton } from "./complete-payment-button";
import { NotFoundNotice } from "@/components/not-found-notice";
import { ErrorNotice, Loading } from "@/components/status";
import { TimeZoneSelect } from "@/components/time-zone-select";

export function BookingManage({ id, token }: { id: string; token?: string | undefined }) {
  const trpc = useTRPC();
  const [zone, setZone, zoneReady] = useViewerZone();
  // While a booking waits for a webhook (Calendly scheduling, a Stripe payment), keep
  // looking: the page turns to "Confirmed" by itself once the worker has processed it.
  const query = useQuery({
    ...trpc.booking.byId.queryOptions({ id, ...(token ? { manageToken: token } : {}) }),
    refetchInterval: (q) => (q.state.data?.status === "PENDING" ? 2000 : false),
  });

  if (query.isPending || !zoneReady) return <Loading label="Loading booking…" />;
  if (query.isError) {
    const code = getAppCode(query.error);
    if (code === "NOT_FOUND") return <NotFoundNotice title="Booking not found" />;
    if (code === "FORBIDDEN" || code === "UNAUTHORIZED") {
      return (
        <NotFoundNotice title="You can't view this booking">
          <p>
            Use the link from your confirmation email, or <Link href={signInHref(`/bookings/${id}`)}>sign in</Link> with the account that
            made the booking.
          </p>
        </NotFoundNotice>
      );
    }
    return <ErrorNotice error={query.error} title="Could not load this booking." onRetry={() => void query.refetch()} />;
  }

  const b = query.data;
  return (
    <article className="booking-manage" aria-labelledby="booking-heading">
      <header>
        <h1 id="booking-heading">
          {b.status === "CONFIRMED" ? "Booking confirmed" : b.status === "PENDING" ? "Booking pending" : "Booking cancelled"}
        </h1>
        <p className="lead">
          {b.sessionType.title} with <Link href={`/builders/${encodeURIComponent(b.builder.slug)}`}>{b.builder.displayName}</Link>
        </p>
      </header>

      <section className="card" aria-label="Booking details">
        <dl className="details">
          <div>
            <dt>Status</dt>
            <dd aria-live="polite">
              <BookingStatusBadge status={b.status} />
            </dd>
          </div>
          <div>
            <dt>When</dt>
            <dd>
              {formatTimeRange(b.startTime, b.endTime, zone)} <span className="muted">({zone.replaceAll("_", " ")})</span>
            </dd>
          </div>
          <div>
            <dt>Duration</dt>
            <dd>{b.sessionType.durationMinutes} minutes</dd>
          </div>
          <div>
            <dt>Price</dt>
            <dd>{formatMoney({ amountCents: b.priceCents, currency: b.currency })}</dd>
          </div>
          <div>
            <dt>Payment</dt>
            <dd data-testid="payment-status" data-status={b.paymentStatus}>
              {paymentLabel(b.paymentStatus)}
            </dd>
          </div>
          <div>
            <dt>Booked by</dt>
            <dd>
              {b.clientName} ({b.clientEmail})
            </dd>
          </div>
          {b.status === "CANCELLED" ? (
            <div>
              <dt>Cancellation</dt>
              <dd>
                {b.cancelledBy ? `Cancelled by ${b.cancelledBy.toLowerCase().replaceAll("_", " ")}` : "Cancelled"}
                {b.cancellationReason ? `: ${b.cancellationReason}` : ""}
              </dd>
            </div>
          ) : null}
        </dl>
        <TimeZoneSelect label="Show times in" value={zone} onChange={setZone} />
      </section>

      {canCompletePayment(b) ? (
        <section className="card" aria-labelledby="payment-heading">
          <h2 id="payment-heading">Payment</h2>
          {b.holdExpiresAt ? (
            <p>We&apos;re holding this time until {formatDateTime(b.holdExpiresAt, zone)}. Complete payment to confirm it.</p>
          ) : (
            <p>Complete payment to confirm this booking.</p>
          )}
          <CompletePaymentButton bookingId={b.id} manageToken={token} />
        </section>
      ) : null}

      {canCancel(b) ? (
        <section className="card" aria-labelledby="manage-heading">
          <h2 id="manage-heading">Need to cancel?</h2>
          <BookingCancel booking={b} manageToken={token} />
        </section>
      ) : null}
    </article>
  );
}
