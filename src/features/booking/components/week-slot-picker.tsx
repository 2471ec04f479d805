"use client";

import { skipToken, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/client";
import { addDays } from "@/core/time/calendar-date";
import { localDateOf } from "@/core/time/time-zone";
import { useViewerLocale } from "@/lib/use-viewer-zone";
import { ErrorNotice, Loading } from "@/components/status";
import { TimeZoneSelect } from "@/components/time-zone-select";
import { formatViewerDayLong, formatViewerDayShort, formatViewerTime } from "../viewer-time";
import { useNarrowScreen } from "../use-narrow-screen";

export type Slot = { start: Date; end: Date };

const MAX_WEEKS_AHEAD = 52;

type SlotButtonsProps = {
  slots: Slot[];
  day: string;
  zone: string;
  locale: string;
  selectedIso: string | undefined;
  onSelect: (slot: Slot) => void;
};

function SlotButtons({ slots, day, zone, locale, selectedIso, onSelect }: SlotButtonsProps) {
  return (
    <ul className="slot-list">
      {slots.map((slot) => {
        const iso = slot.start.toISOString();
        const isSelected = iso === selectedIso;
        const time = formatViewerTime(slot.start, zone, locale);
        return (
          <li key={iso}>
            <button
              type="button"
              className={`slot${isSelected ? " slot-selected" : ""}`}
              data-testid={`slot-${iso}`}
              aria-pressed={isSelected}
              aria-label={`${formatViewerDayLong(day, locale)}, ${time}`}
              onClick={() => onSelect(slot)}
            >
              {time}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

export function WeekSlotPicker({
  sessionTypeId,
  zone,
  zoneReady,
  onZoneChange,
  selected,
  onSelect,
  weekOffset,
  onWeekOffsetChange,
  title = "Pick a time",
}: {
  sessionTypeId: string;
  zone: string;
  zoneReady: boolean;
  onZoneChange: (zone: string) => void;
  selected: Slot | null;
  onSelect: (slot: Slot) => void;
  weekOffset: number;
  onWeekOffsetChange: (offset: number) => void;
  /** The region's heading (and accessible name): "Pick a new time" when moving a booking. */
  title?: string;
}) {
  const trpc = useTRPC();
  const locale = useViewerLocale();
  const narrow = useNarrowScreen();
  const [pickedDay, setPickedDay] = useState<string | null>(null);
  const startDate = addDays(localDateOf(new Date(), zone), weekOffset * 7);
  const endDate = addDays(startDate, 6);
  const days = Array.from({ length: 7 }, (_, i) => addDays(startDate, i));

  const query = useQuery(trpc.slot.list.queryOptions(zoneReady ? { sessionTypeId, startDate, endDate, timeZone: zone } : skipToken));

  const slots = query.data?.slots ?? [];
  const byDay = new Map<string, Slot[]>(days.map((d) => [d, []]));
  for (const slot of slots) byDay.get(localDateOf(slot.start, zone))?.push(slot);
  const selectedIso = selected?.start.toISOString();
  // On a phone the chosen day (or the day of the chosen time) opens its times.
  const selectedDay = selected ? localDateOf(selected.start, zone) : null;
  const openDay = [pickedDay, selectedDay].find((d): d is string => d !== null && byDay.has(d)) ?? null;

  function changeWeek(offset: number) {
    setPickedDay(null);
    onWeekOffsetChange(offset);
  }

  return (
    <section className="card slot-picker" aria-labelledby="pick-time-heading">
      <h2 id="pick-time-heading">{title}</h2>
      <div className="slot-toolbar">
        <TimeZoneSelect label="Show times in" value={zone} onChange={onZoneChange} />
        <div className="week-nav" role="group" aria-label="Week">
          <button type="button" className="button button-secondary" onClick={() => changeWeek(weekOffset - 1)} disabled={weekOffset === 0}>
            ← Previous week
          </button>
          <p className="week-label" aria-live="polite">
            {formatViewerDayShort(startDate, locale)} – {formatViewerDayShort(endDate, locale)}
          </p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => changeWeek(weekOffset + 1)}
            disabled={weekOffset >= MAX_WEEKS_AHEAD}
          >
            Next week →
          </button>
        </div>
      </div>

      {!zoneReady || query.isPending ? (
        <Loading label="Loading available times…" />
      ) : query.isError ? (
        <ErrorNotice error={query.error} title="Could not load available times." onRetry={() => void query.refetch()} />
      ) : (
        <>
          <p className="muted" role="status" aria-live="polite">
            {query.isFetching
              ? "Updating available times…"
              : slots.length === 0
                ? "No available times this week. Try the next week."
                : `${slots.length} available time${slots.length === 1 ? "" : "s"} this week.`}
          </p>
          {narrow ? (
            <div className="day-then-time">
              <ul className="day-list" role="group" aria-label="Days">
                {days.map((day) => {
                  const count = byDay.get(day)?.length ?? 0;
                  return (
                    <li key={day}>
                      <button
                        type="button"
                        className={`day-button${day === openDay ? " day-button-selected" : ""}`}
                        aria-pressed={day === openDay}
                        disabled={count === 0}
                        data-testid={`day-${day}`}
                        onClick={() => setPickedDay(day)}
                      >
                        <span className="day-button-name">{formatViewerDayShort(day, locale)}</span>
                        <span className="day-button-count">{count === 0 ? "No times" : `${count} time${count === 1 ? "" : "s"}`}</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
              {openDay ? (
                <div role="group" aria-labelledby={`times-${openDay}`}>
                  <h3 id={`times-${openDay}`} className="day-heading">
                    Times on {formatViewerDayLong(openDay, locale)}
                  </h3>
                  <SlotButtons
                    slots={byDay.get(openDay) ?? []}
                    day={openDay}
                    zone={zone}
                    locale={locale}
                    selectedIso={selectedIso}
                    onSelect={onSelect}
                  />
                </div>
              ) : slots.length > 0 ? (
                <p className="muted">Pick a day to see its times.</p>
              ) : null}
            </div>
          ) : (
            <div className="week-grid">
              {days.map((day) => {
                const daySlots = byDay.get(day) ?? [];
                return (
                  <div key={day} className="day-column" role="group" aria-labelledby={`day-${day}`}>
                    <h3 id={`day-${day}`} className="day-heading">
                      {formatViewerDayShort(day, locale)}
                    </h3>
                    {daySlots.length === 0 ? (
                      <p className="muted small">No times</p>
                    ) : (
                      <SlotButtons slots={daySlots} day={day} zone={zone} locale={locale} selectedIso={selectedIso} onSelect={onSelect} />
                    )}
                  </div>
                );
              })}
            </div>
          )}
        </>
      )}
    </section>
  );
}
