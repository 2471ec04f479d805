"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/client";
import { canCancel, cancellationSummary, isExpiredHold, isOpenHold, paymentStateLabel } from "@/features/booking/booking-labels";
import { getAppCode } from "@/lib/errors";
import { formatMoney } from "@/core/money/money";
import { signInHref } from "@/lib/safe-next";
import { useViewerLocale } from "@/lib/use-viewer-zone";
import { useRememberedZone } from "../use-remembered-zone";
import type { BookingView } from "@/trpc/types";
import { formatViewerDeadline, formatViewerTimeRange } from "../viewer-time";
import { AddToCalendar } from "./add-to-calendar";
import { BookingCancel } from "./booking-cancel";
import { BookingReschedule, bookingHref } from "./booking-reschedule";
import { BookingStatusBadge } from "./booking-status-badge";
import { CompletePaymentButton } from "./complete-payment-button";
import { ReleaseHoldButton } from "./release-hold-button";
import { NotFoundNotice } from "@/components/not-found-notice";
import { ErrorNotice, Loading } from "@/components/status";
import { TimeZoneSelect } from "@/components/time-zone-select";

/** How the client came back from Stripe Checkout, if they did (?checkout=success|cancelled). */
export type CheckoutReturn = "success" | "cancelled" | undefined;

function headingFor(b: BookingView, now: Date): string {
  if (isExpiredHold(b, now)) return "Payment window expired";
  if (b.manage?.movedTo) return "Booking moved";
  if (b.status === "CONFIRMED") return "Booking confirmed";
  return b.status === "PENDING" ? "Booking pending" : "Booking cancelled";
}

export function BookingManage({ id, token, checkout }: { id: string; token?: string | undefined; checkout?: CheckoutReturn }) {
  const trpc = useTRPC();
  const [zone, setZone, zoneReady] = useRememberedZone();
  const locale = useViewerLocale();
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
  const now = new Date();
  const openHold = isOpenHold(b, now);
  const expired = isExpiredHold(b, now);
  const deadline = b.holdExpiresAt ? formatViewerDeadline(b.holdExpiresAt, now, zone, locale) : null;
  const bookAgain = `/builders/${encodeURIComponent(b.builder.slug)}/book/${encodeURIComponent(b.sessionType.id)}`;
  const { reschedule, calendly, movedTo } = b.manage ?? { reschedule: null, calendly: null, movedTo: null };
  // A hold still to be scheduled on Calendly is scheduled first, then paid.
  const continueUrl = calendly?.continueUrl ?? null;
  const upcoming = b.startTime > now;

  return (
    <article className="booking-manage" aria-labelledby="booking-heading">
      <header>
        <h1 id="booking-heading">{headingFor(b, now)}</h1>
        <p className="lead">
          {b.sessionType.title} with <Link href={`/builders/${encodeURIComponent(b.builder.slug)}`}>{b.builder.displayName}</Link>
        </p>
      </header>

      {movedTo ? (
        <p className="notice" data-testid="moved-to">
          Moved to{" "}
          <Link href={bookingHref(movedTo.id, movedTo.manageToken)}>
            {formatViewerTimeRange(movedTo.startTime, movedTo.endTime, zone, locale)}
          </Link>{" "}
          <span className="muted">({zone.replaceAll("_", " ")})</span>
        </p>
      ) : null}

      {continueUrl ? (
        <section className="card" aria-labelledby="calendly-continue-heading" data-testid="calendly-continue">
          <h2 id="calendly-continue-heading">Finish scheduling</h2>
          <p>This time is held for you{deadline ? ` until ${deadline}` : ""}: finish scheduling it on Calendly to keep it.</p>
          <a className="button" href={continueUrl}>
            Continue scheduling on Calendly
          </a>
        </section>
      ) : null}

      {checkout === "cancelled" && openHold && !continueUrl ? (
        <section className="notice notice-warning" aria-labelledby="checkout-cancelled-heading" data-testid="checkout-cancelled">
          <p id="checkout-cancelled-heading" className="notice-title">
            Payment not completed
          </p>
          <p>
            {deadline
              ? `We're still holding this time until ${deadline}. Pay now to keep it, or release it for someone else.`
              : "Pay now to keep this time, or release it for someone else."}
          </p>
          <div className="button-row">
            <CompletePaymentButton bookingId={b.id} manageToken={token} label="Pay now" />
            <ReleaseHoldButton bookingId={b.id} manageToken={token} />
          </div>
        </section>
      ) : null}
      {checkout === "success" && b.status === "PENDING" && !expired ? (
        <p className="notice" role="status">
          Payment received. Confirming your booking…
        </p>
      ) : null}

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
              {formatViewerTimeRange(b.startTime, b.endTime, zone, locale)} <span className="muted">({zone.replaceAll("_", " ")})</span>
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
              {paymentStateLabel(b, now)}
            </dd>
          </div>
          <div>
            <dt>Booked by</dt>
            <dd>
              {b.clientName} ({b.clientEmail})
            </dd>
          </div>
          {b.cancellation?.policy ? (
            <div>
              <dt>Cancellation policy</dt>
              <dd data-testid="refund-policy">{b.cancellation.policy}</dd>
            </div>
          ) : null}
          {b.status === "CANCELLED" ? (
            <div>
              <dt>Cancellation</dt>
              <dd>{cancellationSummary(b)}</dd>
            </div>
          ) : null}
        </dl>
        <TimeZoneSelect label="Show times in" value={zone} onChange={setZone} />
      </section>

      <AddToCalendar booking={b} manageToken={token} />

      {openHold && checkout !== "cancelled" && !continueUrl ? (
        <section className="card" aria-labelledby="payment-heading">
          <h2 id="payment-heading">Payment</h2>
          <p data-testid="hold-deadline">
            {deadline ? `Pay by ${deadline} to keep this time.` : "Complete payment to confirm this booking."}
          </p>
          <CompletePaymentButton bookingId={b.id} manageToken={token} />
        </section>
      ) : null}

      {expired ? (
        <section className="card" aria-labelledby="expired-heading">
          <h2 id="expired-heading">This time was released</h2>
          <p>The payment window closed before payment arrived, so nothing was charged.</p>
          <Link className="button" href={bookAgain}>
            Book again
          </Link>
        </section>
      ) : null}

      {reschedule && upcoming && (reschedule.allowed || reschedule.refusal) ? (
        <section className="card" aria-labelledby="reschedule-heading" data-testid="reschedule">
          <h2 id="reschedule-heading">Need another time?</h2>
          {reschedule.allowed ? (
            <BookingReschedule
              key={b.id}
              booking={b}
              reschedule={reschedule}
              manageToken={token}
              zone={zone}
              zoneReady={zoneReady}
              onZoneChange={setZone}
              locale={locale}
            />
          ) : (
            <p data-testid="reschedule-refusal">{reschedule.refusal}.</p>
          )}
        </section>
      ) : null}

      {calendly && (calendly.rescheduleUrl || calendly.cancelUrl) ? (
        <section className="card" aria-labelledby="calendly-manage-heading" data-testid="calendly-manage">
          <h2 id="calendly-manage-heading">Change it on Calendly</h2>
          <p className="muted">This session is scheduled through Calendly: move or cancel it there and this page follows.</p>
          <div className="button-row">
            {calendly.rescheduleUrl ? (
              <a className="button button-secondary" href={calendly.rescheduleUrl}>
                Reschedule on Calendly
              </a>
            ) : null}
            {calendly.cancelUrl ? (
              <a className="button button-secondary" href={calendly.cancelUrl}>
                Cancel on Calendly
              </a>
            ) : null}
          </div>
        </section>
      ) : null}

      {canCancel(b) && !expired ? (
        <section className="card" aria-labelledby="manage-heading">
          <h2 id="manage-heading">Need to cancel?</h2>
          <BookingCancel booking={b} manageToken={token} />
        </section>
      ) : null}
    </article>
  );
}
