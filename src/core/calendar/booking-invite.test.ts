import "../time/test-process-tz";
import { describe, expect, it } from "vitest";
import { icsContentLines as contentLines, icsProperty as prop } from "@/testing/ics-lines";
import { buildBookingInvite, type BookingInviteInput } from "./booking-invite";

const input: BookingInviteInput = {
  firstBookingId: "bk_first",
  rescheduleDepth: 0,
  method: "REQUEST",
  start: new Date("2026-03-29T00:30:00Z"),
  end: new Date("2026-03-29T01:15:00Z"),
  sessionTitle: "Code review, then; pairing\nsession",
  builderName: "Ada Lovelace",
  manageUrl: "https://book.example.test/bookings/bk_first?token=abc",
  organizer: { name: "Booking Marketplace", email: "bookings@example.test" },
  attendee: { name: "Grace Hopper", email: "grace@example.test" },
  appUrl: "https://book.example.test",
};

function build(overrides: Partial<BookingInviteInput> = {}): string {
  const invite = buildBookingInvite({ ...input, ...overrides });
  if (!invite.ok) throw invite.error;
  return invite.ics;
}

describe("the calendar invite a booking email carries", () => {
  it("is a REQUEST for a confirmed event, with its times in UTC whatever the process zone", () => {
    const ics = build();
    expect(prop(ics, "METHOD")).toEqual(["REQUEST"]);
    expect(prop(ics, "STATUS")).toEqual(["CONFIRMED"]);
    expect(prop(ics, "DTSTART")).toEqual(["20260329T003000Z"]);
    expect(prop(ics, "DTEND")).toEqual(["20260329T011500Z"]);
    expect(prop(ics, "BEGIN")).toEqual(["VCALENDAR", "VEVENT"]);
  });

  it("names the booking by a UID scoped to the app's host, stable across its messages", () => {
    expect(prop(build(), "UID")).toEqual(["bk_first@book.example.test"]);
    expect(prop(build({ method: "CANCEL", rescheduleDepth: 2 }), "UID")).toEqual(["bk_first@book.example.test"]);
  });

  it("numbers the messages of a chain in the order they are sent", () => {
    const sequence = (o: Partial<BookingInviteInput>) => prop(build(o), "SEQUENCE").map(Number)[0]!;
    const confirmed = sequence({});
    const cancelledFirst = sequence({ method: "CANCEL" });
    const moved = sequence({ rescheduleDepth: 1 });
    const movedAgain = sequence({ rescheduleDepth: 2 });
    const cancelledLast = sequence({ rescheduleDepth: 2, method: "CANCEL" });
    expect(confirmed).toBe(0);
    expect(cancelledFirst).toBeGreaterThan(confirmed);
    expect(moved).toBeGreaterThan(confirmed);
    expect(movedAgain).toBeGreaterThan(moved);
    expect(cancelledLast).toBeGreaterThan(movedAgain);
  });

  it("is a CANCEL with a cancelled status for a cancellation", () => {
    const ics = build({ method: "CANCEL" });
    expect(prop(ics, "METHOD")).toEqual(["CANCEL"]);
    expect(prop(ics, "STATUS")).toEqual(["CANCELLED"]);
  });

  it("escapes commas, semicolons and newlines in the summary and description", () => {
    const ics = build();
    expect(prop(ics, "SUMMARY")).toEqual(["Code review\\, then\\; pairing\\nsession with Ada Lovelace"]);
    const [description] = prop(ics, "DESCRIPTION");
    expect(description).toContain("\\nManage or cancel your booking: https://book.example.test/bookings/bk_first?token=abc");
    // Every line stays one line: nothing unescaped broke out of a value.
    expect(contentLines(ics).every(([key]) => /^[A-Z-]+(;|$)/.test(key))).toBe(true);
  });

  it("has the platform as organizer and the client as an attendee who has already accepted", () => {
    const ics = build();
    expect(prop(ics, "ORGANIZER")).toEqual(['CN="Booking Marketplace":MAILTO:bookings@example.test']);
    const [attendee] = prop(ics, "ATTENDEE");
    expect(attendee).toMatch(/:mailto:grace@example\.test$/i);
    expect(attendee).toMatch(/CN="Grace Hopper"/);
    expect(attendee).toMatch(/PARTSTAT="?ACCEPTED"?/);
    expect(attendee).toMatch(/RSVP=FALSE/);
  });

  it("reports a booking it cannot describe instead of throwing", () => {
    const invalidStart = buildBookingInvite({ ...input, start: new Date(Number.NaN) });
    expect(invalidStart.ok).toBe(false);
    const invalidUrl = buildBookingInvite({ ...input, appUrl: "not a url" });
    expect(invalidUrl.ok).toBe(false);
  });
});
