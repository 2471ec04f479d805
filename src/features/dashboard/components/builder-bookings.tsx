"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/client";
import { useViewerZone } from "@/lib/use-viewer-zone";
import { BookingListItem } from "@/features/booking/components/booking-list-item";
import { ErrorNotice, Loading } from "@/components/status";

type Scope = "upcoming" | "past";

export function BuilderBookings() {
  const trpc = useTRPC();
  const [scope, setScope] = useState<Scope>("upcoming");
  const [zone, , zoneReady] = useViewerZone();
  const query = useQuery(trpc.booking.forBuilder.queryOptions({ scope }));

  return (
    <div className="stack">
      <div className="segmented" role="group" aria-label="Which bookings">
        {(["upcoming", "past"] as const).map((s) => (
          <button key={s} type="button" className="button button-secondary" aria-pressed={scope === s} onClick={() => setScope(s)}>
            {s === "upcoming" ? "Upcoming" : "Past"}
          </button>
        ))}
      </div>
      {query.isPending || !zoneReady ? (
        <Loading label="Loading bookings…" />
      ) : query.isError ? (
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <p className="muted" role="status">
          {scope === "upcoming" ? "No upcoming bookings yet." : "No past bookings."}
        </p>
      ) : (
        <>
          <p className="muted small">Times shown in {zone.replaceAll("_", " ")}.</p>
          <ul className="booking-list">
            {query.data.map((b) => (
              <BookingListItem key={b.id} booking={b} zone={zone} perspective="builder" />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
