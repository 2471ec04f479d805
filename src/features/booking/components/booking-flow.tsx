"use client";

import Link from "next/link";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/trpc/client";
import { isNotFound } from "@/lib/errors";
import { formatMoney } from "@/core/money/money";
import { daysBetween } from "@/core/time/calendar-date";
import { localDateOf } from "@/core/time/time-zone";
import type { GuestDetailsFormValues } from "@/core/validation/booking";
import { useRememberedZone } from "../use-remembered-zone";
import { flowHref, readFlowPlace, type FlowPlace } from "../booking-flow-url";
import { BookingDetailsForm } from "./booking-details-form";
import { NotFoundNotice } from "@/components/not-found-notice";
import { ErrorNotice, Loading } from "@/components/status";
import { WeekSlotPicker, type Slot } from "./week-slot-picker";

/** The week (counted from this one) a chosen time falls in, so a restored time opens on its own week. */
function weekOf(start: Date | null, zone: string): number {
  if (!start) return 0;
  return Math.max(0, Math.floor(daysBetween(localDateOf(new Date(), zone), localDateOf(start, zone)) / 7));
}

export function BookingFlow({ slug, sessionTypeId, refundPolicy }: { slug: string; sessionTypeId: string; refundPolicy?: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const builderQuery = useQuery(trpc.builder.bySlug.queryOptions({ slug }));
  const me = useQuery(trpc.viewer.me.queryOptions());
  const [zone, setZone, zoneReady] = useRememberedZone();
  const [takenMessage, setTakenMessage] = useState(false);
  // What a guest typed outlives the details step, so a "just taken" time does not lose it.
  const [draft, setDraft] = useState<GuestDetailsFormValues | null>(null);
  const [chosenWeek, setChosenWeek] = useState<number | null>(null);
  const place = readFlowPlace(searchParams);

  if (builderQuery.isPending) return <Loading label="Loading session…" />;
  if (builderQuery.isError) {
    if (isNotFound(builderQuery.error)) return <NotFoundNotice title="Builder not found" />;
    return <ErrorNotice error={builderQuery.error} title="Could not load this session." onRetry={() => void builderQuery.refetch()} />;
  }

  const builder = builderQuery.data;
  const sessionType = builder.sessionTypes.find((st) => st.id === sessionTypeId);
  if (!sessionType) return <NotFoundNotice title="Session not found" />;

  const selected: Slot | null = place.start
    ? { start: place.start, end: new Date(place.start.getTime() + sessionType.durationMinutes * 60_000) }
    : null;
  const weekOffset = chosenWeek ?? (zoneReady ? weekOf(place.start, zone) : 0);
  const isPaid = sessionType.priceCents > 0;

  // Choosing a time is a step forward (Back returns to the picker); corrections replace.
  const go = (next: FlowPlace, how: "push" | "replace") => router[how](flowHref(pathname, next), { scroll: false });

  function onSlotTaken(typed: GuestDetailsFormValues | null) {
    setDraft(typed);
    setTakenMessage(true);
    go({ start: null, step: "pick" }, "replace");
    void queryClient.invalidateQueries(trpc.slot.list.pathFilter());
  }

  return (
    <div className="booking-flow">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href={`/builders/${encodeURIComponent(builder.slug)}`}>← Back to {builder.displayName}</Link>
      </nav>
      <header>
        <h1>
          Book {sessionType.title} with {builder.displayName}
        </h1>
        <p className="muted">
          {sessionType.durationMinutes} min · {formatMoney({ amountCents: sessionType.priceCents, currency: sessionType.currency })}
        </p>
        {sessionType.viaCalendly ? (
          <p className="calendly-note" data-testid="calendly-note">
            Times come from {builder.displayName}&apos;s Calendly: you confirm your time there
            {isPaid ? ", then come straight back here to pay." : "."}
          </p>
        ) : null}
        {isPaid && refundPolicy ? (
          <p className="refund-policy" data-testid="refund-policy">
            {refundPolicy}
          </p>
        ) : null}
      </header>

      <ol className="steps" aria-label="Booking steps">
        <li aria-current={place.step === "pick" ? "step" : undefined}>1. Pick a time</li>
        <li aria-current={place.step === "details" ? "step" : undefined}>2. Your details</li>
      </ol>

      <div aria-live="assertive">
        {takenMessage ? (
          <p className="notice notice-error" role="alert">
            That time was just taken — pick another.
          </p>
        ) : null}
      </div>

      {place.step === "pick" || !selected ? (
        <WeekSlotPicker
          sessionTypeId={sessionType.id}
          zone={zone}
          zoneReady={zoneReady}
          onZoneChange={setZone}
          selected={selected}
          weekOffset={weekOffset}
          onWeekOffsetChange={setChosenWeek}
          onSelect={(slot) => {
            setTakenMessage(false);
            // Mark the choice on the picker's own history entry first, so Back from the
            // details step returns to the picker with this time still selected.
            window.history.replaceState(null, "", flowHref(pathname, { start: slot.start, step: "pick" }));
            go({ start: slot.start, step: "details" }, "push");
          }}
        />
      ) : me.isPending || !zoneReady ? (
        <Loading label="Checking your account…" />
      ) : (
        <BookingDetailsForm
          sessionType={sessionType}
          slot={selected}
          zone={zone}
          viewer={me.data ?? undefined}
          draft={draft}
          refundPolicy={isPaid ? refundPolicy : undefined}
          onChangeTime={() => go({ start: selected.start, step: "pick" }, "push")}
          onSlotTaken={onSlotTaken}
        />
      )}
    </div>
  );
}
