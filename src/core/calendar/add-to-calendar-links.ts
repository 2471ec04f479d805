// "Add to calendar" links for the web calendars that have no file import in one click. Times go
// in UTC with an explicit "Z" for every service: Outlook reads a time without one as the
// viewer's local time, so a link built from the browser's clock would differ between the server
// render and the page, and land at the wrong hour for anyone whose Outlook zone is not the
// browser's (the reason we do not use the `calendar-link` package, whose Outlook links do that).

export type CalendarEventDetails = {
  title: string;
  /** Plain text; the manage link goes here so the event leads back to the booking. */
  details: string;
  start: Date;
  end: Date;
};

export type AddToCalendarLinks = { google: string; outlook: string; office365: string };

/** The event's title, the same words as the emailed invite's SUMMARY. */
export function bookingEventTitle(sessionTitle: string, builderName: string): string {
  return `${sessionTitle} with ${builderName}`;
}

/** The event's description, the same words as the emailed invite's DESCRIPTION. */
export function bookingEventDetails(sessionTitle: string, builderName: string, manageUrl: string): string {
  return `${bookingEventTitle(sessionTitle, builderName)}.\nManage or cancel your booking: ${manageUrl}`;
}

/** 20261210T100000Z: Google's `dates` format (RFC 5545 UTC date-time). */
export function googleDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** 2026-12-10T10:00:00Z: ISO 8601 in UTC without milliseconds, as Outlook's compose link takes it. */
export function outlookDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}/, "");
}

// encodeURIComponent, not URLSearchParams: a "+" for a space is read as a plus by some of these.
function query(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join("&");
}

function outlookCompose(host: string, event: CalendarEventDetails): string {
  return `https://${host}/calendar/0/action/compose?${query({
    rru: "addevent",
    subject: event.title,
    startdt: outlookDate(event.start),
    enddt: outlookDate(event.end),
    allday: "false",
    body: event.details,
  })}`;
}

export function addToCalendarLinks(event: CalendarEventDetails): AddToCalendarLinks {
  return {
    google: `https://calendar.google.com/calendar/render?${query({
      action: "TEMPLATE",
      text: event.title,
      dates: `${googleDate(event.start)}/${googleDate(event.end)}`,
      details: event.details,
    })}`,
    outlook: outlookCompose("outlook.live.com", event),
    office365: outlookCompose("outlook.office.com", event),
  };
}
