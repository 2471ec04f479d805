"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/client";
import type { BookingView } from "@/trpc/types";
import { useViewerZone } from "@/lib/use-viewer-zone";
import { BookingListItem } from "@/features/booking/components/booking-list-item";
import { ErrorNotice, Loading } from "@/components/status";

type View = "upcoming" | "cancelled" | "past";

const views: { view: View; label: string; empty: string }[] = [
  { view: "upcoming", label: "Upcoming", empty: "No upcoming bookings yet." },
  { view: "cancelled", label: "Cancelled", empty: "No cancelled upcoming bookings." },
  { view: "past", label: "Past", empty: "No past bookings." },
];

/** Upcoming shows only sessions that will happen; cancelled ones are kept apart, not mixed in. */
function select(view: View, bookings: BookingView[]): BookingView[] {
  if (view === "upcoming") return bookings.filter((b) => b.status !== "CANCELLED");
  if (view === "cancelled") return bookings.filter((b) => b.status === "CANCELLED");
  return bookings;
}

export function BuilderBookings() {
  const trpc = useTRPC();
  const [view, setView] = useState<View>("upcoming");
  const [zone, , zoneReady] = useViewerZone();
  const query = useQuery(trpc.booking.forBuilder.queryOptions({ scope: view === "past" ? "past" : "upcoming" }));
  const shown = query.data ? select(view, query.data) : [];

  return (
    <div className="stack">
      <div className="segmented" role="group" aria-label="Which bookings">
        {views.map((v) => (
          <button
            key={v.view}
            type="button"
            className="button button-secondary"
            aria-pressed={view === v.view}
            onClick={() => setView(v.view)}
          >
            {v.label}
          </button>
        ))}
      </div>
      {query.isPending || !zoneReady ? (
        <Loading label="Loading bookings…" />
      ) : query.isError ? (
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      ) : shown.length === 0 ? (
        <p className="muted" role="status">
          {views.find((v) => v.view === view)?.empty}
        </p>
      ) : (
        <>
          <p className="muted small">Times shown in {zone.replaceAll("_", " ")}.</p>
          <ul className="booking-list" aria-label={`${views.find((v) => v.view === view)?.label} bookings`}>
            {shown.map((b) => (
              <BookingListItem key={b.id} booking={b} zone={zone} perspective="builder" />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
