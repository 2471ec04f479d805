// The .ics download behind "Add to calendar" on the booking page (GET /bookings/<id>/calendar.ics):
// the booking page's access rule through the real route handler and session cookie, and the
// same event (UID, SEQUENCE) as the emailed invites, on real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/bookings/[id]/calendar.ics/route";
import { bookingConfig } from "@/server/booking-services";
import { createBuilder, createSessionType, futureHour } from "@/testing/factories";
import { callerFor, startTestDb, type TestDb } from "@/testing/harness";
import { icsProperty as prop } from "@/testing/ics-lines";
import { signUp } from "@/testing/trpc-http";
import { bookingCalendarFile } from "./booking-calendar-file";
import { manageTokenFor } from "./manage-token";

const HOST = "localhost:3000"; // NEXT_PUBLIC_BASE_URL in src/testing/test-env.ts
const organizer = { name: "Booking Marketplace", email: "noreply@example.test" };

let t: TestDb;
let builder: { userId: string; profileId: string; name: string };
let typeId: string;
let day = 3;
beforeAll(async () => {
  t = await startTestDb();
  const { user, profile } = await createBuilder(t.db, { displayName: "Ada Lovelace" });
  builder = { userId: user.id, profileId: profile.id, name: profile.displayName };
  typeId = (await createSessionType(t.db, profile.id, { durationMinutes: 45 })).id;
});
afterAll(async () => t.close());

/** A free booking made through booking.create: by a signed-in client, or by a guest (with its manage token). */
async function book(clientId: string | null) {
  const start = futureHour(day++, 9);
  const guest = clientId ? {} : { clientName: "Guest Client", clientEmail: "guest@example.test" };
  const created = await callerFor(t.db, clientId).booking.create({ sessionTypeId: typeId, startTime: start, ...guest });
  expect(created.booking.status).toBe("CONFIRMED");
  return { id: created.booking.id, start, token: created.manageToken };
}

function download(id: string, { cookie, token }: { cookie?: string; token?: string | null } = {}) {
  const query = token ? `?token=${encodeURIComponent(token)}` : "";
  const request = new Request(`http://${HOST}/bookings/${encodeURIComponent(id)}/calendar.ics${query}`, {
    headers: cookie ? { cookie } : {},
  });
  return GET(request, { params: Promise.resolve({ id }) });
}

const utc = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

describe("the booking's calendar file", () => {
  it("is downloaded by the signed-in client who booked: a REQUEST with the booking's UID and UTC times", async () => {
    const client = await signUp("Calendar Client");
    const booking = await book(client.userId);
    const res = await download(booking.id, { cookie: client.cookie });

    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="booking.ics"');
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const ics = await res.text();
    expect(prop(ics, "METHOD")).toEqual(["REQUEST"]);
    expect(prop(ics, "UID")).toEqual([`${booking.id}@${HOST}`]);
    expect(prop(ics, "SEQUENCE")).toEqual(["0"]);
    expect(prop(ics, "DTSTART")).toEqual([utc(booking.start)]);
    expect(prop(ics, "DTEND")).toEqual([utc(new Date(booking.start.getTime() + 45 * 60_000))]);
    expect(prop(ics, "SUMMARY")).toEqual(["Intro call with Ada Lovelace"]);
    // The client's file leads back with the link their emails carry.
    const token = manageTokenFor(booking.id, bookingConfig().manageTokenSecret).token;
    expect(prop(ics, "URL")).toEqual([`http://${HOST}/bookings/${booking.id}?token=${token}`]);
  });

  it("is downloaded by a guest holding the manage token", async () => {
    const booking = await book(null);
    expect(booking.token).toBeTruthy();
    const res = await download(booking.id, { token: booking.token });
    expect(res.status).toBe(200);
    const ics = await res.text();
    expect(prop(ics, "UID")).toEqual([`${booking.id}@${HOST}`]);
    expect(prop(ics, "DTSTART")).toEqual([utc(booking.start)]);
  });

  it("is not found for anyone else, the same answer as for a missing booking", async () => {
    const owner = await signUp("Owner");
    const stranger = await signUp("Stranger");
    const booking = await book(owner.userId);
    const otherGuest = await book(null);

    const answers = await Promise.all([
      download(booking.id, { cookie: stranger.cookie }),
      download(booking.id),
      download(booking.id, { token: otherGuest.token }),
      download(booking.id, { token: "not a token!" }),
      download("no-such-booking", { cookie: owner.cookie }),
      download("x".repeat(500), { cookie: owner.cookie }),
    ]);
    for (const res of answers) {
      expect(res.status).toBe(404);
      expect(await res.text()).toBe("Booking not found");
    }
  });

  it("after a cancellation is the CANCEL, one SEQUENCE higher, so the entry is removed", async () => {
    const booking = await book(null);
    await callerFor(t.db).booking.cancel({ id: booking.id, manageToken: booking.token! });
    const res = await download(booking.id, { token: booking.token });
    expect(res.status).toBe(200);
    const ics = await res.text();
    expect(prop(ics, "METHOD")).toEqual(["CANCEL"]);
    expect(prop(ics, "STATUS")).toEqual(["CANCELLED"]);
    expect(prop(ics, "UID")).toEqual([`${booking.id}@${HOST}`]);
    expect(prop(ics, "SEQUENCE")).toEqual(["1"]);
  });

  it("names a rescheduled booking by its chain's first UID with the chain's SEQUENCE, as the emails do", async () => {
    const first = await book(null);
    await callerFor(t.db).booking.cancel({ id: first.id, manageToken: first.token! });
    const start = futureHour(day++, 9);
    const moved = await t.db.booking.create({
      data: {
        sessionTypeId: typeId,
        builderId: builder.profileId,
        clientName: "Guest Client",
        clientEmail: "guest@example.test",
        startTime: start,
        endTime: new Date(start.getTime() + 45 * 60_000),
        status: "CONFIRMED",
        paymentStatus: "NOT_REQUIRED",
        priceCents: 0,
        currency: "usd",
        rescheduledFromId: first.id,
      },
    });
    const file = await bookingCalendarFile(t.db, {
      bookingId: moved.id,
      actor: { userId: builder.userId, role: "BUILDER" },
      appUrl: `http://${HOST}`,
      manageTokenSecret: bookingConfig().manageTokenSecret,
      organizer,
    });
    expect(file).toMatchObject({ method: "REQUEST", uid: `${first.id}@${HOST}`, sequence: 1 });
    expect(prop(file.ics, "DTSTART")).toEqual([utc(start)]);
    // The builder's copy links to the page they sign in to, never with the client's manage token.
    expect(prop(file.ics, "URL")).toEqual([`http://${HOST}/bookings/${moved.id}`]);
  });

  it("refuses a hold that is not confirmed yet with a clear 409", async () => {
    const client = await signUp("Holding Client");
    const start = futureHour(day++, 9);
    const held = await t.db.booking.create({
      data: {
        sessionTypeId: typeId,
        builderId: builder.profileId,
        clientId: client.userId,
        clientName: "Holding Client",
        clientEmail: client.email,
        startTime: start,
        endTime: new Date(start.getTime() + 45 * 60_000),
        status: "PENDING",
        paymentStatus: "UNPAID",
        priceCents: 0,
        currency: "usd",
        holdExpiresAt: new Date(Date.now() + 30 * 60_000),
      },
    });
    const res = await download(held.id, { cookie: client.cookie });
    expect(res.status).toBe(409);
    expect(await res.text()).toMatch(/not confirmed yet/);
  });
});
