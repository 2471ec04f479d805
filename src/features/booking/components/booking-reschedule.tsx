"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { rescheduleMoneyNotes } from "@/core/booking/booking-reschedule";
import { rescheduleForm } from "@/core/validation/reschedule";
import { getErrorMessage, isSlotTaken } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";
import type { BookingView } from "@/trpc/types";
import { formatViewerDeadline, formatViewerTimeRange } from "../viewer-time";
import { WeekSlotPicker, type Slot } from "./week-slot-picker";

type Reschedule = NonNullable<NonNullable<BookingView["manage"]>["reschedule"]>;

/** The booking page's way to a booking's new address: the guest keeps a manage token in it. */
export function bookingHref(id: string, manageToken: string | null | undefined): string {
  return `/bookings/${encodeURIComponent(id)}${manageToken ? `?token=${encodeURIComponent(manageToken)}` : ""}`;
}

/**
 * "Reschedule": pick a new time among the session type's offered ones, review the move (and
 * what it means for the payment), confirm; then the new booking's page. The server decides
 * again (cutoff, state, a time taken meanwhile); a taken time sends the client back to pick.
 */
export function BookingReschedule({
  booking,
  reschedule,
  manageToken,
  zone,
  zoneReady,
  onZoneChange,
  locale,
}: {
  booking: BookingView;
  reschedule: Reschedule;
  manageToken?: string | undefined;
  zone: string;
  zoneReady: boolean;
  onZoneChange: (zone: string) => void;
  locale: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState<Slot | null>(null);
  const [weekOffset, setWeekOffset] = useState(0);
  const [pickError, setPickError] = useState<string | null>(null);
  const move = useMutation(
    trpc.booking.reschedule.mutationOptions({
      onSuccess: async ({ booking: moved, manageToken: newToken }) => {
        await queryClient.invalidateQueries(trpc.booking.pathFilter());
        await queryClient.invalidateQueries(trpc.slot.list.pathFilter());
        router.push(bookingHref(moved.id, newToken));
      },
      onError: async (error) => {
        if (!isSlotTaken(error)) return;
        // Someone took it meanwhile: back to the picker, with fresh times.
        setSelected(null);
        setPickError(`${getErrorMessage(error)}. Pick another time.`);
        await queryClient.invalidateQueries(trpc.slot.list.pathFilter());
      },
    }),
  );

  const now = new Date();
  const until = reschedule.until ? formatViewerDeadline(reschedule.until, now, zone, locale) : null;

  if (!open) {
    return (
      <>
        {until ? <p className="muted small">You can move this booking to another time until {until}.</p> : null}
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
          Reschedule
        </button>
      </>
    );
  }

  function confirm() {
    const parsed = rescheduleForm.safeParse({ newStartTime: selected?.start });
    if (!parsed.success) return setPickError(parsed.error.issues[0]?.message ?? "Pick a new time");
    move.mutate({ id: booking.id, ...(manageToken ? { manageToken } : {}), newStartTime: parsed.data.newStartTime });
  }

  function close() {
    setOpen(false);
    setSelected(null);
    setPickError(null);
    move.reset();
  }

  if (selected) {
    const notes = rescheduleMoneyNotes(booking, selected.start, {
      now,
      policy: { fullRefundHoursBefore: reschedule.fullRefundHoursBefore },
    });
    return (
      <section className="card" aria-labelledby="reschedule-review-heading" data-testid="reschedule-review">
        <h3 id="reschedule-review-heading">Move this booking?</h3>
        <p>
          Move from <strong>{formatViewerTimeRange(booking.startTime, booking.endTime, zone, locale)}</strong> to{" "}
          <strong>{formatViewerTimeRange(selected.start, selected.end, zone, locale)}</strong>{" "}
          <span className="muted">({zone.replaceAll("_", " ")})</span>.
        </p>
        {notes.map((note) => (
          <p key={note} className="notice">
            {note}
          </p>
        ))}
        <div aria-live="assertive">
          {move.isError && !isSlotTaken(move.error) ? (
            <p className="notice notice-error" role="alert">
              {getErrorMessage(move.error)}
            </p>
          ) : null}
        </div>
        <div className="button-row">
          <button type="button" className="button" onClick={confirm} disabled={move.isPending || move.isSuccess}>
            {move.isPending ? "Moving…" : move.isSuccess ? "Opening your new booking…" : "Confirm new time"}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setSelected(null)} disabled={move.isPending}>
            Pick another time
          </button>
          <button type="button" className="button button-secondary" onClick={close} disabled={move.isPending}>
            Keep current time
          </button>
        </div>
      </section>
    );
  }

  return (
    <>
      <div aria-live="assertive">
        {pickError ? (
          <p className="notice notice-error" role="alert">
            {pickError}
          </p>
        ) : null}
      </div>
      <WeekSlotPicker
        title="Pick a new time"
        sessionTypeId={booking.sessionType.id}
        zone={zone}
        zoneReady={zoneReady}
        onZoneChange={onZoneChange}
        selected={selected}
        onSelect={(slot) => {
          setPickError(null);
          setSelected(slot);
        }}
        weekOffset={weekOffset}
        onWeekOffsetChange={setWeekOffset}
      />
      <button type="button" className="button button-secondary" onClick={close}>
        Keep current time
      </button>
    </>
  );
}
