"use client";

import Link from "next/link";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/client";
import { isNotFound } from "@/lib/errors";
import { formatMoney } from "@/core/money/money";
import { useViewerZone } from "@/lib/use-viewer-zone";
import { BookingDetailsForm } from "./booking-details-form";
import { NotFoundNotice } from "@/components/not-found-notice";
import { ErrorNotice, Loading } from "@/components/status";
import { WeekSlotPicker, type Slot } from "./week-slot-picker";

export function BookingFlow({ slug, sessionTypeId }: { slug: string; sessionTypeId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const builderQuery = useQuery(trpc.builder.bySlug.queryOptions({ slug }));
  const me = useQuery(trpc.viewer.me.queryOptions());
  const [zone, setZone, zoneReady] = useViewerZone();
  const [selected, setSelected] = useState<Slot | null>(null);
  const [step, setStep] = useState<"pick" | "details">("pick");
  const [takenMessage, setTakenMessage] = useState(false);
  const [weekOffset, setWeekOffset] = useState(0);

  if (builderQuery.isPending) return <Loading label="Loading session…" />;
  if (builderQuery.isError) {
    if (isNotFound(builderQuery.error)) return <NotFoundNotice title="Builder not found" />;
    return <ErrorNotice error={builderQuery.error} title="Could not load this session." onRetry={() => void builderQuery.refetch()} />;
  }

  const builder = builderQuery.data;
  const sessionType = builder.sessionTypes.find((st) => st.id === sessionTypeId);
  if (!sessionType) return <NotFoundNotice title="Session not found" />;

  function onSlotTaken() {
    setTakenMessage(true);
    setSelected(null);
    setStep("pick");
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
      </header>

      <ol className="steps" aria-label="Booking steps">
        <li aria-current={step === "pick" ? "step" : undefined}>1. Pick a time</li>
        <li aria-current={step === "details" ? "step" : undefined}>2. Your details</li>
      </ol>

      <div aria-live="assertive">
        {takenMessage ? (
          <p className="notice notice-error" role="alert">
            That time was just taken — pick another.
          </p>
        ) : null}
      </div>

      {step === "pick" ? (
        <WeekSlotPicker
          sessionTypeId={sessionType.id}
          zone={zone}
          zoneReady={zoneReady}
          onZoneChange={setZone}
          selected={selected}
          weekOffset={weekOffset}
          onWeekOffsetChange={setWeekOffset}
          onSelect={(slot) => {
            setSelected(slot);
            setTakenMessage(false);
            setStep("details");
          }}
        />
      ) : selected && me.isPending ? (
        <Loading label="Checking your account…" />
      ) : selected ? (
        <BookingDetailsForm
          sessionType={sessionType}
          slot={selected}
          zone={zone}
          viewer={me.data ?? undefined}
          onChangeTime={() => setStep("pick")}
          onSlotTaken={onSlotTaken}
        />
      ) : null}
    </div>
  );
}
