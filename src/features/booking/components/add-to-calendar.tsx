"use client";

import { useSyncExternalStore } from "react";
import { addToCalendarLinks, bookingEventDetails, bookingEventTitle } from "@/core/calendar/add-to-calendar-links";

export type AddToCalendarBooking = {
  id: string;
  status: string;
  startTime: Date;
  endTime: Date;
  sessionType: { title: string };
  builder: { displayName: string };
};

/** The booking page's own address, which the .ics file and the calendar links point back to. */
export function bookingPagePath(bookingId: string, manageToken: string | undefined, suffix = ""): string {
  const path = `/bookings/${encodeURIComponent(bookingId)}${suffix}`;
  return manageToken ? `${path}?token=${encodeURIComponent(manageToken)}` : path;
}

const noSubscription = () => () => {};

/** The page's origin in the browser; empty in a server render (the links then point at a path). */
function useOrigin(): string {
  return useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "",
  );
}

const NEW_TAB = <span className="visually-hidden"> (opens in a new tab)</span>;

/**
 * "Add to calendar" for a confirmed booking: Google Calendar and Outlook (personal and work
 * accounts) through their web links, anything else through the .ics file, which is the same
 * event as the emailed invite, so importing both leaves one entry.
 */
export function AddToCalendar({ booking, manageToken }: { booking: AddToCalendarBooking; manageToken?: string | undefined }) {
  const origin = useOrigin();
  if (booking.status !== "CONFIRMED") return null;
  const title = bookingEventTitle(booking.sessionType.title, booking.builder.displayName);
  const manageUrl = `${origin}${bookingPagePath(booking.id, manageToken)}`;
  const links = addToCalendarLinks({
    title,
    details: bookingEventDetails(booking.sessionType.title, booking.builder.displayName, manageUrl),
    start: booking.startTime,
    end: booking.endTime,
  });
  const external = { className: "button button-secondary", target: "_blank", rel: "noopener noreferrer" } as const;

  return (
    <section className="card" aria-labelledby="add-to-calendar-heading" data-testid="add-to-calendar">
      <h2 id="add-to-calendar-heading">Calendar</h2>
      <div className="button-row">
        <a {...external} href={links.google}>
          Add to Google Calendar{NEW_TAB}
        </a>
        <a {...external} href={links.outlook}>
          Add to Outlook.com{NEW_TAB}
        </a>
        <a {...external} href={links.office365}>
          Add to Outlook (Microsoft 365){NEW_TAB}
        </a>
        <a className="button button-secondary" href={bookingPagePath(booking.id, manageToken, "/calendar.ics")} download="booking.ics">
          Download .ics file
        </a>
      </div>
      <p className="muted small">The .ics file works with Apple Calendar, Outlook on the desktop and most other calendar apps.</p>
    </section>
  );
}
