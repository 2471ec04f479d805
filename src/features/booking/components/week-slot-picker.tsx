"use client";

import { skipToken, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/client";
import { addDays } from "@/core/time/calendar-date";
import { formatDayLong, formatDayShort, formatTime } from "@/core/time/display";
import { localDateOf } from "@/core/time/time-zone";
import { ErrorNotice, Loading } from "@/components/status";
import { TimeZoneSelect } from "@/components/time-zone-select";

export type Slot = { start: Date; end: Date };

const MAX_WEEKS_AHEAD = 52;

export function WeekSlotPicker({
  sessionTypeId,
  zone,
  zoneReady,
  onZoneChange,
  selected,
  onSelect,
  weekOffset,
  onWeekOffsetChange,
}: {
  sessionTypeId: string;
  zone: string;
  zoneReady: boolean;
  onZoneChange: (zone: string) => void;
  selected: Slot | null;
  onSelect: (slot: Slot) => void;
  weekOffset: number;
  onWeekOffsetChange: (offset: number) => void;
}) {
  const trpc = useTRPC();
  const startDate = addDays(localDateOf(new Date(), zone), weekOffset * 7);
  const endDate = addDays(startDate, 6);
  const days = Array.from({ length: 7 }, (_, i) => addDays(startDate, i));

  const query = useQuery(trpc.slot.list.queryOptions(zoneReady ? { sessionTypeId, startDate, endDate, timeZone: zone } : skipToken));

  const slots = query.data?.slots ?? [];
  const byDay = new Map<string, Slot[]>(days.map((d) => [d, []]));
  for (const slot of slots) byDay.get(localDateOf(slot.start, zone))?.push(slot);
  const selectedIso = selected?.start.toISOString();

  return (
    <section className="card slot-picker" aria-labelledby="pick-time-heading">
      <h2 id="pick-time-heading">Pick a time</h2>
      <div className="slot-toolbar">
        <TimeZoneSelect label="Show times in" value={zone} onChange={onZoneChange} />
        <div className="week-nav" role="group" aria-label="Week">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => onWeekOffsetChange(weekOffset - 1)}
            disabled={weekOffset === 0}
          >
            ← Previous week
          </button>
          <p className="week-label" aria-live="polite">
            {formatDayShort(startDate)} – {formatDayShort(endDate)}
          </p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => onWeekOffsetChange(weekOffset + 1)}
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
          <div className="week-grid">
            {days.map((day) => {
              const daySlots = byDay.get(day) ?? [];
              return (
                <div key={day} className="day-column" role="group" aria-labelledby={`day-${day}`}>
                  <h3 id={`day-${day}`} className="day-heading">
                    {formatDayShort(day)}
                  </h3>
                  {daySlots.length === 0 ? (
                    <p className="muted small">No times</p>
                  ) : (
                    <ul className="slot-list">
                      {daySlots.map((slot) => {
                        const iso = slot.start.toISOString();
                        const isSelected = iso === selectedIso;
                        return (
                          <li key={iso}>
                            <button
                              type="button"
                              className={`slot${isSelected ? " slot-selected" : ""}`}
                              data-testid={`slot-${iso}`}
                              aria-pressed={isSelected}
                              aria-label={`${formatDayLong(day)}, ${formatTime(slot.start, zone)}`}
                              onClick={() => onSelect(slot)}
                            >
                              {formatTime(slot.start, zone)}
                            </button>
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </div>
              );
            })}
          </div>
        </>
      )}
    </section>
  );
}
