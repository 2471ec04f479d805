// booking.reschedule on real PostgreSQL, through the tRPC procedure: one transaction cancels the
// old booking as "rescheduled" and inserts its confirmed successor carrying the payment; refusals
// and clashes write nothing; the emails owed are the move's (with the invite moved in place),
// and the old booking's reminders are dropped at delivery. Emails go through the real SDK to the
// SendGrid sandbox; no workers run in this file, deliveries are made one by one.
import { attachmentsOf, type ReceivedMail } from "@booking/provider-sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutboxKind, PaymentStatus } from "@/generated/prisma/client";
import { outboxDeps } from "@/server/jobs/workers";
import { deliverOutboxMessage } from "@/modules/outbox-delivery/deliver-outbox-message";
import { createBuilder, createSessionType, createUser, futureHour } from "@/testing/factories";
import { outboxKinds } from "@/testing/booking-fixtures";
import { callerFor } from "@/testing/harness";
import { icsProperty } from "@/testing/ics-lines";
import { startProviderHarness, type ProviderHarness } from "@/testing/provider-harness";
import { manageTokenFor } from "./manage-token";

let h: ProviderHarness;
let builder: { userId: string; profileId: string };
let freeTypeId: string;
let paidTypeId: string;
beforeAll(async () => {
  h = await startProviderHarness();
  const { user, profile } = await createBuilder(h.db, { displayName: "Move Builder" });
  builder = { userId: user.id, profileId: profile.id };
  freeTypeId = (await createSessionType(h.db, profile.id)).id;
  paidTypeId = (await createSessionType(h.db, profile.id, { priceCents: 15_000 })).id;
});
afterAll(async () => h.close());

// Each case its own days, so no case's times collide with another's.
let day = 3;
const HOUR = 3_600_000;
const secret = () => outboxDeps(h.db).manageTokenSecret;

async function guestFreeBooking(startTime: Date) {
  const created = await callerFor(h.db).booking.create({
    sessionTypeId: freeTypeId,
    startTime,
    clientName: "Guest Mover",
    clientEmail: "guest.mover@example.test",
    clientTimeZone: "Europe/Berlin",
  });
  return { id: created.booking.id, manageToken: created.manageToken! };
}

/** A confirmed paid booking as Stripe's webhook leaves it (written directly: the move is under test, not the payment). */
async function paidBooking(
  clientId: string,
  startTime: Date,
  paymentStatus: PaymentStatus = "PAID",
  status: "CONFIRMED" | "PENDING" = "CONFIRMED",
) {
  const row = await h.db.booking.create({
    data: {
      sessionTypeId: paidTypeId,
      builderId: builder.profileId,
      clientId,
      clientName: "Paying Mover",
      clientEmail: "paying.mover@example.test",
      startTime,
      endTime: new Date(startTime.getTime() + HOUR),
      priceCents: 15_000,
      currency: "usd",
      status,
      paymentStatus,
      amountPaidCents: paymentStatus === "PAID" ? 15_000 : null,
      stripePaymentIntentId: paymentStatus === "PAID" ? `pi_move_${startTime.getTime()}` : null,
      holdExpiresAt: status === "PENDING" ? new Date(Date.now() + 30 * 60_000) : null,
    },
  });
  return row.id;
}

/** Everything a refused move could have written: the rows of this builder and the outbox. */
async function snapshot() {
  const [bookings, outbox, transitions] = await Promise.all([
    h.db.booking.findMany({ where: { builderId: builder.profileId }, orderBy: { id: "asc" } }),
    h.db.outboxMessage.count(),
    h.db.bookingTransition.count(),
  ]);
  return { bookings, outbox, transitions };
}

async function deliver(bookingId: string, kind: OutboxKind) {
  const row = await h.db.outboxMessage.findUniqueOrThrow({ where: { bookingId_kind: { bookingId, kind } } });
  const result = await deliverOutboxMessage(h.db, outboxDeps(h.db), { outboxId: row.id, finalAttempt: false });
  const mails = h.sendgrid.messages.filter((m) => (m.body.custom_args as Record<string, string> | undefined)?.outboxId === row.id);
  return { result, mails, row: await h.db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } }) };
}

function invite(mail: ReceivedMail) {
  const [ics] = attachmentsOf(mail).map((a) => a.content);
  expect(ics).toBeDefined();
  return {
    method: icsProperty(ics!, "METHOD")[0],
    uid: icsProperty(ics!, "UID")[0],
    sequence: Number(icsProperty(ics!, "SEQUENCE")[0]),
    start: icsProperty(ics!, "DTSTART")[0],
  };
}

const icsTime = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

describe("moving a free booking with the manage link", () => {
  it("cancels the old as rescheduled, confirms the new, and hands the guest the new booking's link", async () => {
    const from = futureHour(day, 10);
    const to = futureHour(day++, 14);
    const old = await guestFreeBooking(from);

    const moved = await callerFor(h.db).booking.reschedule({ id: old.id, manageToken: old.manageToken, newStartTime: to });
    expect(moved.booking).toMatchObject({ status: "CONFIRMED", paymentStatus: "NOT_REQUIRED", startTime: to });
    expect(moved.manageToken).toBe(manageTokenFor(moved.booking.id, secret()).token);

    const [before, after] = await Promise.all([
      h.db.booking.findUniqueOrThrow({ where: { id: old.id } }),
      h.db.booking.findUniqueOrThrow({ where: { id: moved.booking.id } }),
    ]);
    expect(before).toMatchObject({ status: "CANCELLED", cancellationReason: "RESCHEDULED", cancelledBy: "CLIENT" });
    expect(after).toMatchObject({
      rescheduledFromId: old.id,
      clientName: "Guest Mover",
      clientEmail: "guest.mover@example.test",
      clientTimeZone: "Europe/Berlin",
      clientId: null,
      endTime: new Date(to.getTime() + HOUR),
      holdExpiresAt: null,
    });

    // The old page links to the new one (with its token for the guest); the new token opens it.
    const oldView = await callerFor(h.db).booking.byId({ id: old.id, manageToken: old.manageToken });
    expect(oldView.manage?.movedTo).toEqual({
      id: moved.booking.id,
      startTime: to,
      endTime: after.endTime,
      manageToken: moved.manageToken,
    });
    expect(oldView.manage?.reschedule).toBeNull();
    const newView = await callerFor(h.db).booking.byId({ id: moved.booking.id, manageToken: moved.manageToken! });
    expect(newView.manage?.reschedule).toMatchObject({ allowed: true, refusal: null, until: null });
    // The old token is not the new booking's.
    await expect(callerFor(h.db).booking.byId({ id: moved.booking.id, manageToken: old.manageToken })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("owes the move's emails and reminders, no cancellation email; the old reminders are dropped at delivery", async () => {
    const old = await guestFreeBooking(futureHour(day, 9));
    const moved = await callerFor(h.db).booking.reschedule({
      id: old.id,
      manageToken: old.manageToken,
      newStartTime: futureHour(day++, 11),
    });

    expect((await outboxKinds(h.db, old.id)).sort()).toEqual(
      ["EMAIL_BUILDER_NEW_BOOKING", "EMAIL_CONFIRMATION", "EMAIL_REMINDER_BUILDER", "EMAIL_REMINDER_CLIENT"].sort(),
    );
    expect((await outboxKinds(h.db, moved.booking.id)).sort()).toEqual(
      ["EMAIL_BUILDER_RESCHEDULE", "EMAIL_REMINDER_BUILDER", "EMAIL_REMINDER_CLIENT", "EMAIL_RESCHEDULE"].sort(),
    );

    await h.db.outboxMessage.updateMany({
      where: { bookingId: old.id, kind: { in: ["EMAIL_REMINDER_CLIENT", "EMAIL_REMINDER_BUILDER"] } },
      data: { availableAt: new Date(Date.now() - 1000) },
    });
    for (const kind of ["EMAIL_REMINDER_CLIENT", "EMAIL_REMINDER_BUILDER"] as const) {
      const { mails, row } = await deliver(old.id, kind);
      expect(row.status).toBe("CANCELLED");
      expect(mails).toHaveLength(0);
    }
    const newReminders = await h.db.outboxMessage.findMany({
      where: { bookingId: moved.booking.id, kind: { in: ["EMAIL_REMINDER_CLIENT", "EMAIL_REMINDER_BUILDER"] } },
    });
    for (const r of newReminders) expect(r.availableAt.getTime()).toBe(moved.booking.startTime.getTime() - 24 * HOUR);
  });

  it("moves the calendar entry in place: the first booking's UID, a SEQUENCE one higher per move, the new time", async () => {
    const host = new URL(outboxDeps(h.db).baseUrl).host;
    const old = await guestFreeBooking(futureHour(day, 8));
    const confirmed = await deliver(old.id, "EMAIL_CONFIRMATION");
    expect(invite(confirmed.mails[0]!)).toEqual({
      method: "REQUEST",
      uid: `${old.id}@${host}`,
      sequence: 0,
      start: icsTime(futureHour(day, 8)),
    });

    const first = await callerFor(h.db).booking.reschedule({ id: old.id, manageToken: old.manageToken, newStartTime: futureHour(day, 12) });
    const firstMove = await deliver(first.booking.id, "EMAIL_RESCHEDULE");
    expect(firstMove.mails[0]!.body.personalizations).toMatchObject([{ to: [{ email: "guest.mover@example.test" }] }]);
    expect(invite(firstMove.mails[0]!)).toEqual({
      method: "REQUEST",
      uid: `${old.id}@${host}`,
      sequence: 1,
      start: icsTime(futureHour(day, 12)),
    });

    // Moved again: the chain's UID stays the first booking's.
    const second = await callerFor(h.db).booking.reschedule({
      id: first.booking.id,
      manageToken: first.manageToken!,
      newStartTime: futureHour(day, 16),
    });
    const secondMove = await deliver(second.booking.id, "EMAIL_RESCHEDULE");
    expect(invite(secondMove.mails[0]!)).toEqual({
      method: "REQUEST",
      uid: `${old.id}@${host}`,
      sequence: 2,
      start: icsTime(futureHour(day++, 16)),
    });
  });
});

describe("moving a paid booking", () => {
  it("carries the payment over: nothing refunded, the new booking confirmed and paid", async () => {
    const client = await createUser(h.db, "CLIENT", "Paying Mover");
    const oldId = await paidBooking(client.id, futureHour(day, 10));
    const moved = await callerFor(h.db, client.id).booking.reschedule({ id: oldId, newStartTime: futureHour(day++, 15) });
    // A signed-in client needs no token to open the new booking.
    expect(moved.manageToken).toBeNull();

    const [before, after] = await Promise.all([
      h.db.booking.findUniqueOrThrow({ where: { id: oldId } }),
      h.db.booking.findUniqueOrThrow({ where: { id: moved.booking.id } }),
    ]);
    expect(before).toMatchObject({ status: "CANCELLED", cancellationReason: "RESCHEDULED", refundedCents: null });
    expect(after).toMatchObject({
      status: "CONFIRMED",
      paymentStatus: "PAID",
      amountPaidCents: 15_000,
      stripePaymentIntentId: before.stripePaymentIntentId,
      priceCents: 15_000,
      clientId: client.id,
      rescheduledFromId: oldId,
    });
    const kinds = [...(await outboxKinds(h.db, oldId)), ...(await outboxKinds(h.db, moved.booking.id))];
    expect(kinds).not.toContain("STRIPE_REFUND");
    expect(kinds).not.toContain("EMAIL_CANCELLATION");
    expect(kinds).not.toContain("EMAIL_BUILDER_CANCELLATION");
  });

  it("lets the builder move it; past the policy cutoff only an operator may, and a refusal writes nothing", async () => {
    const client = await createUser(h.db, "CLIENT");
    const admin = await createUser(h.db, "ADMIN");
    const soon = new Date(Date.now() + 10 * HOUR);
    soon.setUTCMinutes(0, 0, 0);
    const lateId = await paidBooking(client.id, soon);
    const target = new Date(soon.getTime() + 3 * HOUR);

    const before = await snapshot();
    for (const userId of [client.id, builder.userId]) {
      await expect(callerFor(h.db, userId).booking.reschedule({ id: lateId, newStartTime: target })).rejects.toMatchObject({
        code: "CONFLICT",
        message: "Bookings can be moved until 24 hours before the start, so this one can no longer be moved",
      });
    }
    expect(await snapshot()).toEqual(before);
    const view = await callerFor(h.db, client.id).booking.byId({ id: lateId });
    expect(view.manage?.reschedule).toMatchObject({ allowed: false, refusal: expect.stringContaining("can no longer be moved") });

    const byAdmin = await callerFor(h.db, admin.id).booking.reschedule({ id: lateId, newStartTime: target });
    expect(byAdmin.booking).toMatchObject({ status: "CONFIRMED", paymentStatus: "PAID" });
    expect(await h.db.booking.findUniqueOrThrow({ where: { id: lateId } })).toMatchObject({ cancelledBy: "ADMIN" });

    const earlyId = await paidBooking(client.id, futureHour(day, 10));
    const byBuilder = await callerFor(h.db, builder.userId).booking.reschedule({ id: earlyId, newStartTime: futureHour(day++, 18) });
    expect(byBuilder).toMatchObject({ booking: { status: "CONFIRMED" }, manageToken: null });
  });

  it("refuses a hold awaiting payment and a cancelled booking, writing nothing", async () => {
    const client = await createUser(h.db, "CLIENT");
    const holdId = await paidBooking(client.id, futureHour(day, 10), "UNPAID", "PENDING");
    const cancelledId = await paidBooking(client.id, futureHour(day, 12));
    await callerFor(h.db, client.id).booking.cancel({ id: cancelledId });
    const before = await snapshot();
    await expect(callerFor(h.db, client.id).booking.reschedule({ id: holdId, newStartTime: futureHour(day, 15) })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Only a confirmed booking can be moved",
    });
    await expect(
      callerFor(h.db, client.id).booking.reschedule({ id: cancelledId, newStartTime: futureHour(day++, 15) }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "This booking is cancelled, so it can't be moved" });
    expect(await snapshot()).toEqual(before);
  });
});

describe("the new time", () => {
  it("must be offered and free; a clash answers 409 and writes nothing", async () => {
    await guestFreeBooking(futureHour(day, 16)); // someone else's booking at 16:00
    const mine = await guestFreeBooking(futureHour(day, 10));
    const move = (newStartTime: Date) => callerFor(h.db).booking.reschedule({ id: mine.id, manageToken: mine.manageToken, newStartTime });

    const before = await snapshot();
    await expect(move(futureHour(day, 16))).rejects.toMatchObject({ code: "CONFLICT", message: "That time was just taken" });
    // Not on the session type's grid (hourly), and the same time again.
    await expect(move(new Date(futureHour(day, 12).getTime() + 30 * 60_000))).rejects.toMatchObject({ code: "UNPROCESSABLE_CONTENT" });
    await expect(move(futureHour(day, 10))).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
      message: "Pick a time other than the current one",
    });
    await expect(move(new Date(Date.now() - HOUR))).rejects.toMatchObject({ code: "UNPROCESSABLE_CONTENT" });
    expect(await snapshot()).toEqual(before);

    const moved = await move(futureHour(day++, 12));
    expect(moved.booking.status).toBe("CONFIRMED");
  });

  it("is not blocked by the booking's own time and buffers", async () => {
    // An hour of buffer before each session: the hour after a booking is offered to nobody else.
    const { profile } = await createBuilder(h.db, { displayName: "Buffer Builder" });
    await h.db.builderProfile.update({ where: { id: profile.id }, data: { bufferBeforeMinutes: 60 } });
    const type = await createSessionType(h.db, profile.id);
    const created = await callerFor(h.db).booking.create({
      sessionTypeId: type.id,
      startTime: futureHour(day, 10),
      clientName: "Buffer Guest",
      clientEmail: "buffer.guest@example.test",
    });
    // Someone else cannot take 11:00 (inside the buffer), but the booking itself can move there.
    await expect(
      callerFor(h.db).booking.create({
        sessionTypeId: type.id,
        startTime: futureHour(day, 11),
        clientName: "Other",
        clientEmail: "other@example.test",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const moved = await callerFor(h.db).booking.reschedule({
      id: created.booking.id,
      manageToken: created.manageToken!,
      newStartTime: futureHour(day++, 11),
    });
    expect(moved.booking).toMatchObject({ status: "CONFIRMED", startTime: futureHour(day - 1, 11) });
  });

  it("two moves racing for one time: the exclusion constraint lets one win, the other gets 409 and keeps its booking", async () => {
    const a = await guestFreeBooking(futureHour(day, 8));
    const b = await guestFreeBooking(futureHour(day, 9));
    const target = futureHour(day++, 13);
    const results = await Promise.allSettled([
      callerFor(h.db, null, "racer-a").booking.reschedule({ id: a.id, manageToken: a.manageToken, newStartTime: target }),
      callerFor(h.db, null, "racer-b").booking.reschedule({ id: b.id, manageToken: b.manageToken, newStartTime: target }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({ code: "CONFLICT", message: "That time was just taken" });
    const loserId = results[0].status === "rejected" ? a.id : b.id;
    expect(await h.db.booking.findUniqueOrThrow({ where: { id: loserId } })).toMatchObject({ status: "CONFIRMED", cancelledAt: null });
    expect(await h.db.booking.count({ where: { rescheduledFromId: loserId } })).toBe(0);
    expect(await h.db.booking.count({ where: { startTime: target, status: "CONFIRMED" } })).toBe(1);
  });
});

describe("access", () => {
  it("is the booking page's: a stranger, a guest without the token and a wrong token get 404", async () => {
    const mine = await guestFreeBooking(futureHour(day, 10));
    const newStartTime = futureHour(day++, 12);
    const stranger = await createUser(h.db, "CLIENT");
    const wrong = manageTokenFor("another-booking", secret()).token;
    for (const attempt of [
      () => callerFor(h.db, stranger.id).booking.reschedule({ id: mine.id, newStartTime }),
      () => callerFor(h.db).booking.reschedule({ id: mine.id, newStartTime }),
      () => callerFor(h.db).booking.reschedule({ id: mine.id, manageToken: wrong, newStartTime }),
      () => callerFor(h.db).booking.reschedule({ id: "no-such-booking", manageToken: mine.manageToken, newStartTime }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await h.db.booking.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ status: "CONFIRMED" });
  });

  it("sends a Calendly booking to Calendly's own pages", async () => {
    const type = await createSessionType(h.db, builder.profileId, {
      calendlyEventTypeUri: "https://api.calendly.com/event_types/move-test",
      calendlySchedulingUrl: "https://calendly.com/move-test/intro",
    });
    const client = await createUser(h.db, "CLIENT");
    const start = futureHour(day++, 10);
    const row = await h.db.booking.create({
      data: {
        sessionTypeId: type.id,
        builderId: builder.profileId,
        clientId: client.id,
        clientName: "Calendly Mover",
        clientEmail: "calendly.mover@example.test",
        startTime: start,
        endTime: new Date(start.getTime() + HOUR),
        priceCents: 0,
        currency: "usd",
        status: "CONFIRMED",
        paymentStatus: "NOT_REQUIRED",
        calendlyInviteeUri: `https://api.calendly.com/scheduled_events/e/invitees/${start.getTime()}`,
        calendlyRescheduleUrl: "https://calendly.com/reschedulings/abc",
        calendlyCancelUrl: "https://calendly.com/cancellations/abc",
      },
    });
    await expect(
      callerFor(h.db, client.id).booking.reschedule({ id: row.id, newStartTime: new Date(start.getTime() + 2 * HOUR) }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "This session is scheduled on Calendly: reschedule it there" });
    const view = await callerFor(h.db, client.id).booking.byId({ id: row.id });
    expect(view.manage).toMatchObject({
      reschedule: null,
      calendly: {
        rescheduleUrl: "https://calendly.com/reschedulings/abc",
        cancelUrl: "https://calendly.com/cancellations/abc",
        continueUrl: null,
      },
    });
    // Calendly's pages act as the invitee: the builder is not offered them.
    expect((await callerFor(h.db, builder.userId).booking.byId({ id: row.id })).manage?.calendly).toBeNull();
  });

  it("offers a client whose Calendly step is unfinished the way back to it", async () => {
    const type = await createSessionType(h.db, builder.profileId, {
      calendlyEventTypeUri: "https://api.calendly.com/event_types/continue-test",
      calendlySchedulingUrl: "https://calendly.com/move-test/continue",
    });
    const client = await createUser(h.db, "CLIENT");
    const start = futureHour(day++, 10);
    const row = await h.db.booking.create({
      data: {
        sessionTypeId: type.id,
        builderId: builder.profileId,
        clientId: client.id,
        clientName: "Unfinished",
        clientEmail: "unfinished@example.test",
        startTime: start,
        endTime: new Date(start.getTime() + HOUR),
        priceCents: 0,
        currency: "usd",
        status: "PENDING",
        paymentStatus: "NOT_REQUIRED",
        holdExpiresAt: new Date(Date.now() + 20 * 60_000),
      },
    });
    const continueUrl = (await callerFor(h.db, client.id).booking.byId({ id: row.id })).manage?.calendly?.continueUrl;
    const url = new URL(continueUrl!);
    expect(url.origin + url.pathname).toBe("https://calendly.com/move-test/continue");
    expect(url.searchParams.get("utm_content")).toBe(row.id);
    expect(url.searchParams.get("return_url")).toContain(`/bookings/${row.id}?token=${manageTokenFor(row.id, secret()).token}`);

    // Once the hold has expired there is nothing to continue.
    await h.db.booking.update({ where: { id: row.id }, data: { holdExpiresAt: new Date(Date.now() - 1000) } });
    expect((await callerFor(h.db, client.id).booking.byId({ id: row.id })).manage?.calendly?.continueUrl).toBeNull();
  });
});
