"use client";

import Link from "next/link";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/trpc/client";
import { isAwaitingPayment } from "@/core/booking/booking-predicates";
import { isNotFound, getErrorMessage } from "@/lib/errors";
import type { BookingView } from "@/trpc/types";
import { CompletePaymentButton } from "./complete-payment-button";

/** How long to wait for Calendly's invitee.created before offering the manual way on. */
const WAIT_MS = 20_000;
const POLL_MS = 1_000;

/**
 * Where Calendly sends the client once they scheduled ("redirect to an external site" on the
 * event type): it waits until Calendly's webhook has linked the scheduled time to the booking,
 * then opens Stripe Checkout for a paid one (no extra click), or shows the confirmed booking.
 * A time our rules refused arrives here cancelled, with the reason and a way to pick another.
 */
export function CalendlyScheduled({ bookingId, token }: { bookingId: string | null; token?: string | undefined }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [startedAt] = useState(() => Date.now());
  const [waitedOut, setWaitedOut] = useState(false);
  const query = useQuery({
    ...trpc.booking.byId.queryOptions({ id: bookingId ?? "", ...(token ? { manageToken: token } : {}) }),
    enabled: bookingId !== null,
    retry: false,
    refetchInterval: (q) => ((q.state.data && isSettled(q.state.data)) || Date.now() - startedAt > WAIT_MS ? false : POLL_MS),
  });
  const checkout = useMutation(trpc.booking.checkout.mutationOptions({ onSuccess: ({ url }) => window.location.assign(url) }));
  const started = useRef(false);
  const booking = query.data;
  const ready = booking ? isSettled(booking) : false;
  const href = bookingId ? `/bookings/${encodeURIComponent(bookingId)}${token ? `?token=${encodeURIComponent(token)}` : ""}` : "/";

  useEffect(() => {
    const timer = setTimeout(() => setWaitedOut(true), WAIT_MS);
    return () => clearTimeout(timer);
  }, []);

  useEffect(() => {
    if (!booking || !ready || started.current) return;
    started.current = true;
    if (needsPayment(booking)) checkout.mutate({ id: booking.id, ...(token ? { manageToken: token } : {}) });
    else if (booking.status === "CONFIRMED") router.replace(href);
  }, [booking, ready, checkout, router, href, token]);

  if (bookingId === null || (query.isError && isNotFound(query.error))) {
    // Scheduled on Calendly directly, or a guest without this booking's link: the email carries it.
    return (
      <Finished title="You are scheduled">
        <p>Calendly has your time. We are emailing you the details, with a link to your booking.</p>
      </Finished>
    );
  }
  if (query.isError) {
    return (
      <Finished title="You are scheduled">
        <p role="alert">{getErrorMessage(query.error)}</p>
        <p>
          <Link href={href}>Open your booking</Link>
        </p>
      </Finished>
    );
  }
  if (booking?.status === "CANCELLED") {
    return (
      <Finished title="This time could not be kept">
        <p role="alert">We cancelled it on Calendly and emailed you why.</p>
        <p>
          <Link className="button" href={`/builders/${encodeURIComponent(booking.builder.slug)}`}>
            Pick another time with {booking.builder.displayName}
          </Link>
        </p>
      </Finished>
    );
  }
  if (checkout.isError) {
    return (
      <Finished title="Your time is held">
        <p role="alert">{getErrorMessage(checkout.error)}</p>
        {booking ? <CompletePaymentButton bookingId={booking.id} manageToken={token} /> : null}
      </Finished>
    );
  }
  if (waitedOut && !ready && booking) {
    // Calendly's webhook is late: the hold stands, and payment can start from here or the booking page.
    return (
      <Finished title="Your time is held">
        <p>Calendly has not confirmed your time to us yet. You can pay now, or find this booking in your bookings later.</p>
        {needsPayment(booking) ? <CompletePaymentButton bookingId={booking.id} manageToken={token} label="Pay now" /> : null}
        <p>
          <Link href={href}>Open your booking</Link>
        </p>
      </Finished>
    );
  }
  return (
    <section className="card calendly-scheduled" aria-labelledby="calendly-scheduled-heading" aria-busy="true">
      <h1 id="calendly-scheduled-heading">Finishing your booking…</h1>
      <p role="status" className="status status-loading">
        <span className="spinner" aria-hidden="true" />
        {ready && booking && needsPayment(booking) ? "Opening secure payment…" : "Waiting for Calendly to confirm your time…"}
      </p>
    </section>
  );
}

function Finished({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="card calendly-scheduled" aria-labelledby="calendly-scheduled-heading">
      <h1 id="calendly-scheduled-heading">{title}</h1>
      {children}
    </section>
  );
}

function needsPayment(b: BookingView): boolean {
  return b.status === "PENDING" && isAwaitingPayment(b.paymentStatus);
}

/**
 * Calendly's invitee.created has been applied: the booking left PENDING, or (a paid hold) it
 * no longer waits to be scheduled (the booking page stops offering "continue scheduling").
 */
function isSettled(b: BookingView): boolean {
  if (b.status !== "PENDING") return true;
  return b.manage?.calendly != null && b.manage.calendly.continueUrl === null;
}
