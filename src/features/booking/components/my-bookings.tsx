"use client";

import Link from "next/link";
import { skipToken, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/client";
import { signInHref } from "@/lib/safe-next";
import { useRememberedZone } from "../use-remembered-zone";
import { isExpiredHold } from "@/features/booking/booking-labels";
import { BookingListItem } from "./booking-list-item";
import { ErrorNotice, Loading } from "@/components/status";
import { TimeZoneSelect } from "@/components/time-zone-select";

export function MyBookings() {
  const trpc = useTRPC();
  const me = useQuery(trpc.viewer.me.queryOptions());
  const [zone, setZone, zoneReady] = useRememberedZone();
  const bookings = useQuery(trpc.booking.mine.queryOptions(me.data ? undefined : skipToken));

  if (me.isPending || !zoneReady) return <Loading />;
  if (me.isError) return <ErrorNotice error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    return (
      <section className="card empty-state">
        <p>Sign in to see your bookings.</p>
        <Link className="button" href={signInHref("/bookings")}>
          Sign in
        </Link>
      </section>
    );
  }
  if (bookings.isPending) return <Loading label="Loading your bookings…" />;
  if (bookings.isError) return <ErrorNotice error={bookings.error} onRetry={() => void bookings.refetch()} />;

  const now = new Date();
  // A hold whose payment window closed is over, even before the sweep cancels it.
  const upcoming = bookings.data
    .filter((b) => b.status !== "CANCELLED" && !isExpiredHold(b, now) && b.endTime >= now)
    .sort((a, b) => a.startTime.getTime() - b.startTime.getTime());
  const past = bookings.data.filter((b) => !upcoming.includes(b)).sort((a, b) => b.startTime.getTime() - a.startTime.getTime());

  return (
    <div className="stack">
      <TimeZoneSelect label="Show times in" value={zone} onChange={setZone} />
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">Upcoming</h2>
        {upcoming.length === 0 ? (
          <p className="muted">
            No upcoming bookings. <Link href="/">Find a builder</Link>.
          </p>
        ) : (
          <ul className="booking-list">
            {upcoming.map((b) => (
              <BookingListItem key={b.id} booking={b} zone={zone} perspective="client" />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="past-heading">
        <h2 id="past-heading">Past and cancelled</h2>
        {past.length === 0 ? (
          <p className="muted">Nothing here yet.</p>
        ) : (
          <ul className="booking-list">
            {past.map((b) => (
              <BookingListItem key={b.id} booking={b} zone={zone} perspective="client" />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
