import "../time/test-process-tz";
import { describe, expect, it } from "vitest";
import { addToCalendarLinks, bookingEventDetails, bookingEventTitle } from "./add-to-calendar-links";

// 00:30 UTC on the night Europe's clocks go forward: a local-time slip under the forced
// +05:45 process zone, or on the DST change, would show in every date below.
const event = {
  title: bookingEventTitle("Code review & pairing", "Ada Lovelace"),
  details: bookingEventDetails("Code review & pairing", "Ada Lovelace", "https://book.example.test/bookings/bk_1?token=a+b/c"),
  start: new Date("2026-03-29T00:30:00.000Z"),
  end: new Date("2026-03-29T01:15:00.000Z"),
};

const links = addToCalendarLinks(event);

describe("add-to-calendar links", () => {
  it("opens Google Calendar's event template with the times in UTC", () => {
    const url = new URL(links.google);
    expect(url.origin + url.pathname).toBe("https://calendar.google.com/calendar/render");
    expect(url.searchParams.get("action")).toBe("TEMPLATE");
    expect(url.searchParams.get("dates")).toBe("20260329T003000Z/20260329T011500Z");
    expect(url.searchParams.get("text")).toBe("Code review & pairing with Ada Lovelace");
  });

  it("opens Outlook.com's and Office 365's compose form with UTC times marked Z", () => {
    for (const [link, host] of [
      [links.outlook, "outlook.live.com"],
      [links.office365, "outlook.office.com"],
    ] as const) {
      const url = new URL(link);
      expect(url.host).toBe(host);
      expect(url.pathname).toBe("/calendar/0/action/compose");
      expect(url.searchParams.get("rru")).toBe("addevent");
      expect(url.searchParams.get("startdt")).toBe("2026-03-29T00:30:00Z");
      expect(url.searchParams.get("enddt")).toBe("2026-03-29T01:15:00Z");
      expect(url.searchParams.get("subject")).toBe("Code review & pairing with Ada Lovelace");
      expect(url.searchParams.get("allday")).toBe("false");
    }
  });

  it("carries the manage link in the details, intact through the query string", () => {
    const expected =
      "Code review & pairing with Ada Lovelace.\nManage or cancel your booking: https://book.example.test/bookings/bk_1?token=a+b/c";
    expect(new URL(links.google).searchParams.get("details")).toBe(expected);
    expect(new URL(links.outlook).searchParams.get("body")).toBe(expected);
    expect(new URL(links.office365).searchParams.get("body")).toBe(expected);
  });

  it("encodes spaces as %20, never as '+' (read literally by some calendars)", () => {
    for (const link of Object.values(links)) {
      expect(link.split("?")[1]).not.toContain("+");
      expect(link).toContain("Ada%20Lovelace");
    }
  });
});
