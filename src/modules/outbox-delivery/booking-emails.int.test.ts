import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachmentsOf, type ReceivedMail } from "@booking/provider-sandbox";
import type { OutboxKind } from "@/generated/prisma/enums";
import { confirmPayment } from "@/modules/bookings/lifecycle/record-payment";
import { expireHolds } from "@/modules/bookings/lifecycle/expire-holds";
import { stopBoss } from "@/server/jobs/boss";
import { outboxDeps } from "@/server/jobs/workers";
import { callerFor } from "@/testing/harness";
import { createBuilder, createSessionType, futureHour } from "@/testing/factories";
import { eventually, startProviderHarness, type ProviderHarness } from "@/testing/provider-harness";
import { deliverOutboxMessage } from "./deliver-outbox-message";

// Every new booking email end to end: written by the lifecycle writers, delivered by the
// workers through the real SendGrid SDK to the sandbox (which validates like SendGrid).

let h: ProviderHarness;
beforeAll(async () => {
  h = await startProviderHarness();
  await h.startWorkers();
});
afterAll(async () => {
  await stopBoss();
  await h.close();
});

let day = 30;
const REMINDERS: OutboxKind[] = ["EMAIL_REMINDER_CLIENT", "EMAIL_REMINDER_BUILDER"];

async function builderIn(timeZone: string, displayName: string) {
  return createBuilder(h.db, { displayName, timeZone });
}

async function freeBooking(clientEmail: string, clientTimeZone?: string) {
  const { user, profile } = await builderIn("America/New_York", "Grace Zone");
  const type = await createSessionType(h.db, profile.id);
  const created = await callerFor(h.db).booking.create({
    sessionTypeId: type.id,
    startTime: futureHour(day++, 17),
    clientName: "Zone Client",
    clientEmail,
    ...(clientTimeZone ? { clientTimeZone } : {}),
  });
  return { ...created, builderEmail: user.email, profile };
}

const row = (bookingId: string, kind: OutboxKind) =>
  h.db.outboxMessage.findUniqueOrThrow({ where: { bookingId_kind: { bookingId, kind } } });

/** The one email a row sent (waits for it); fails if it went out more than once. */
async function mailOf(bookingId: string, kind: OutboxKind, timeoutMs = 15_000): Promise<ReceivedMail> {
  const sent = await eventually(
    async () => {
      const r = await row(bookingId, kind);
      expect(r.status).toBe("SENT");
      return r;
    },
    { timeoutMs },
  );
  const mails = mailsOf(sent.id);
  expect(mails).toHaveLength(1);
  return mails[0]!;
}

const mailsOf = (outboxId: string) =>
  h.sendgrid.messages.filter((m) => (m.body.custom_args as Record<string, string> | undefined)?.outboxId === outboxId);
const textOf = (mail: ReceivedMail) => (mail.body as { content: { type: string; value: string }[] }).content[0]!.value;
const toOf = (mail: ReceivedMail) => (mail.body as { personalizations: { to: { email: string }[] }[] }).personalizations[0]!.to[0]!.email;

async function makeDue(bookingId: string) {
  await h.db.outboxMessage.updateMany({
    where: { bookingId, kind: { in: REMINDERS } },
    data: { availableAt: new Date(Date.now() - 1000) },
  });
}

describe("emails in the reader's zone, to client and builder", () => {
  it("a confirmed booking: the client's confirmation in their zone with an invite, the builder's news in the builder's zone", async () => {
    const { booking, builderEmail } = await freeBooking("zone.client@example.test", "Asia/Kathmandu");
    expect((await h.db.booking.findUniqueOrThrow({ where: { id: booking.id } })).clientTimeZone).toBe("Asia/Kathmandu");

    const client = await mailOf(booking.id, "EMAIL_CONFIRMATION");
    expect(toOf(client)).toBe("zone.client@example.test");
    expect(textOf(client)).toMatch(/When: \w+ \d+ \w+ \d{4}, 22:45–23:45 \(Nepal Time, Kathmandu\)/);
    expect(attachmentsOf(client).map((a) => a.filename)).toEqual(["invite.ics"]);

    const builder = await mailOf(booking.id, "EMAIL_BUILDER_NEW_BOOKING");
    expect(toOf(builder)).toBe(builderEmail);
    expect(builder.body.subject).toBe("New booking: Intro call with Zone Client");
    expect(textOf(builder)).toMatch(/When: \w+ \d+ \w+ \d{4}, 1[23]:00–1[34]:00 \(Eastern Time, New York\)/);
    expect(textOf(builder)).toContain("Client: Zone Client (zone.client@example.test)");
    expect(attachmentsOf(builder)).toEqual([]);
  });

  it("refuses a zone that does not exist", async () => {
    const { profile } = await builderIn("UTC", "No Zone");
    const type = await createSessionType(h.db, profile.id);
    await expect(
      callerFor(h.db).booking.create({
        sessionTypeId: type.id,
        startTime: futureHour(day++),
        clientName: "Bad Zone",
        clientEmail: "bad.zone@example.test",
        clientTimeZone: "Mars/Olympus",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("a cancellation tells both sides who cancelled, with the client's words", async () => {
    const { booking, manageToken, builderEmail } = await freeBooking("cancel.zone@example.test", "Europe/Berlin");
    await callerFor(h.db).booking.cancel({ id: booking.id, manageToken: manageToken!, reason: "Plans changed" });
    const client = await mailOf(booking.id, "EMAIL_CANCELLATION");
    expect(textOf(client)).toContain("Cancelled by: you\nReason: Plans changed");
    expect(textOf(client)).toContain("(Central European Time, Berlin)");
    expect(attachmentsOf(client).map((a) => a.filename)).toEqual(["invite.ics"]);
    const builder = await mailOf(booking.id, "EMAIL_BUILDER_CANCELLATION");
    expect(toOf(builder)).toBe(builderEmail);
    expect(textOf(builder)).toContain("Cancelled by: Zone Client\nReason: Plans changed");
  });
});

describe("reminders", () => {
  it("are written with the confirmation, due the lead time before the start, and not sent before", async () => {
    const { booking } = await freeBooking("early@example.test");
    await mailOf(booking.id, "EMAIL_CONFIRMATION");
    for (const kind of REMINDERS) {
      const r = await row(booking.id, kind);
      expect(r.status).toBe("PENDING");
      expect(r.availableAt.getTime()).toBe(booking.startTime.getTime() - 24 * 3_600_000);
      // A job that reaches it early attempts nothing.
      expect(await deliverOutboxMessage(h.db, outboxDeps(h.db), { outboxId: r.id, finalAttempt: false })).toBe("skipped");
      expect((await row(booking.id, kind)).attempts).toBe(0);
      expect(mailsOf(r.id)).toHaveLength(0);
    }
  });

  it("go out once when due, to each side in their own zone", async () => {
    const { booking, builderEmail } = await freeBooking("due@example.test", "Asia/Kathmandu");
    await makeDue(booking.id);
    const client = await mailOf(booking.id, "EMAIL_REMINDER_CLIENT");
    expect(toOf(client)).toBe("due@example.test");
    expect(client.body.subject).toBe("Reminder: Intro call with Grace Zone");
    expect(textOf(client)).toContain("(Nepal Time, Kathmandu)");
    const builder = await mailOf(booking.id, "EMAIL_REMINDER_BUILDER");
    expect(toOf(builder)).toBe(builderEmail);
    expect(textOf(builder)).toContain("(Eastern Time, New York)");
    // Later recovery passes find nothing more to send.
    await new Promise((r) => setTimeout(r, 6000));
    for (const kind of REMINDERS) expect(mailsOf((await row(booking.id, kind)).id)).toHaveLength(1);
  });

  it("are not sent for a booking cancelled since", async () => {
    const { booking, manageToken } = await freeBooking("cancelled.reminder@example.test");
    await callerFor(h.db).booking.cancel({ id: booking.id, manageToken: manageToken! });
    await makeDue(booking.id);
    for (const kind of REMINDERS) {
      const r = await eventually(async () => {
        const current = await row(booking.id, kind);
        expect(current.status).toBe("CANCELLED");
        return current;
      });
      expect(r.lastError).toMatch(/no longer confirmed/);
      expect(mailsOf(r.id)).toHaveLength(0);
    }
  });

  it("are not sent for a booking moved on Calendly; the new time owes its own, and both sides hear of the move", async () => {
    const { user, profile } = await builderIn("America/New_York", "Move Builder");
    const type = await createSessionType(h.db, profile.id);
    // The builder's own Calendly user (a member of the platform's organization) hosts the event type.
    h.calendly.addMember({ email: user.email });
    await callerFor(h.db, user.id).sessionType.connectCalendly();
    const et = h.calendly.addEventType({ name: "Move", slug: `move-${Date.now()}`, durationMinutes: 60, ownerEmail: user.email });
    await callerFor(h.db, user.id).sessionType.linkCalendly({ id: type.id, eventTypeUri: et.uri });
    const scheduled = await h.calendly.scheduleInvitee({
      eventTypeUri: et.uri,
      startTime: futureHour(day++, 17),
      name: "Mover",
      email: "mover@example.test",
      timezone: "Asia/Kathmandu",
    });
    const old = await eventually(async () => {
      const b = await h.db.booking.findFirstOrThrow({ where: { calendlyInviteeUri: scheduled.invitee.uri } });
      expect(b.status).toBe("CONFIRMED");
      return b;
    });
    expect(old.clientTimeZone).toBe("Asia/Kathmandu");
    await h.calendly.rescheduleInvitee(scheduled.invitee.uri, futureHour(day++, 17));
    const moved = await eventually(async () => {
      const b = await h.db.booking.findFirstOrThrow({ where: { rescheduledFromId: old.id } });
      expect(b.status).toBe("CONFIRMED");
      return b;
    });

    await makeDue(old.id);
    for (const kind of REMINDERS) {
      await eventually(async () => expect((await row(old.id, kind)).status).toBe("CANCELLED"));
      expect((await row(old.id, kind)).lastError).toMatch(/moved to a new time/);
    }
    for (const kind of REMINDERS) expect((await row(moved.id, kind)).status).toBe("PENDING");

    const client = await mailOf(moved.id, "EMAIL_RESCHEDULE");
    expect(textOf(client)).toMatch(/When: .*\(Nepal Time, Kathmandu\)\nPreviously: .*\(Nepal Time, Kathmandu\)/);
    const builder = await mailOf(moved.id, "EMAIL_BUILDER_RESCHEDULE");
    expect(toOf(builder)).toBe(user.email);
    expect(textOf(builder)).toContain("Mover's session has been moved to a new time.");
  });

  it("survive a worker restart: a reminder that came due while no worker ran goes out once the worker starts", async () => {
    const { booking } = await freeBooking("restart.reminder@example.test");
    await mailOf(booking.id, "EMAIL_CONFIRMATION");
    await mailOf(booking.id, "EMAIL_BUILDER_NEW_BOOKING");
    await stopBoss();
    await makeDue(booking.id);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await row(booking.id, "EMAIL_REMINDER_CLIENT")).status).toBe("PENDING");

    await h.startWorkers();
    const mail = await mailOf(booking.id, "EMAIL_REMINDER_CLIENT");
    expect(toOf(mail)).toBe("restart.reminder@example.test");
    await mailOf(booking.id, "EMAIL_REMINDER_BUILDER");
  });
});

describe("payment emails", () => {
  it("a paid hold Calendly created gets a payment link; an expired one an email to book again", async () => {
    const { user, profile } = await builderIn("Europe/Berlin", "Paid Builder");
    const type = await createSessionType(h.db, profile.id, { priceCents: 15000 });
    // The builder's own Calendly user (a member of the platform's organization) hosts the event type.
    h.calendly.addMember({ email: user.email });
    await callerFor(h.db, user.id).sessionType.connectCalendly();
    const et = h.calendly.addEventType({ name: "Paid", slug: `paid-${Date.now()}`, durationMinutes: 60, ownerEmail: user.email });
    await callerFor(h.db, user.id).sessionType.linkCalendly({ id: type.id, eventTypeUri: et.uri });
    const scheduled = await h.calendly.scheduleInvitee({
      eventTypeUri: et.uri,
      startTime: futureHour(day++, 9),
      name: "Payer",
      email: "payer@example.test",
      timezone: "Asia/Kolkata",
    });
    const hold = await eventually(async () => h.db.booking.findFirstOrThrow({ where: { calendlyInviteeUri: scheduled.invitee.uri } }));
    expect(hold.status).toBe("PENDING");

    const link = await mailOf(hold.id, "EMAIL_PAYMENT_LINK");
    expect(toOf(link)).toBe("payer@example.test");
    expect(link.body.subject).toBe("Complete your payment: Paid review with Paid Builder");
    expect(textOf(link)).toMatch(/Your time is held until .*\(India Standard Time, Kolkata\)/);
    expect(textOf(link)).toMatch(new RegExp(`Complete payment: http\\S+/bookings/${hold.id}\\?token=\\S+`));
    expect(textOf(link)).toContain("Cancellation policy: Free cancellation until 24 hours before the start; after that, no refund.");

    await h.db.$transaction((tx) => expireHolds(tx, { now: new Date(hold.holdExpiresAt!.getTime() + 1000), builderId: profile.id }));
    const expired = await mailOf(hold.id, "EMAIL_HOLD_EXPIRED");
    expect(expired.body.subject).toBe("Payment window expired: Paid review with Paid Builder");
    expect(textOf(expired)).toMatch(new RegExp(`Book again: http\\S+/builders/${profile.slug}`));
    expect(textOf(expired)).not.toMatch(/PAYMENT_EXPIRED|CANCELLED/);
  });

  it("a payment confirms the booking: the builder hears of the booking and the payment", async () => {
    const client = await h.db.user.create({
      data: { id: `payer-${Date.now()}`, name: "Card Client", email: `card-${Date.now()}@example.test` },
    });
    const { user, profile } = await builderIn("Europe/Berlin", "Card Builder");
    const type = await createSessionType(h.db, profile.id, { priceCents: 15000 });
    const { booking } = await callerFor(h.db, client.id).booking.create({
      sessionTypeId: type.id,
      startTime: futureHour(day++, 9),
      clientTimeZone: "America/New_York",
    });
    await h.db.$transaction((tx) => confirmPayment(tx, { bookingId: booking.id, amountCents: 15000 }));
    const received = await mailOf(booking.id, "EMAIL_BUILDER_PAYMENT_RECEIVED");
    expect(toOf(received)).toBe(user.email);
    expect(textOf(received)).toContain("Card Client paid $150.00 for this session.");
    expect(textOf(received)).toContain("(Central European Time, Berlin)");
    const confirmation = await mailOf(booking.id, "EMAIL_CONFIRMATION");
    expect(textOf(confirmation)).toContain("(Eastern Time, New York)");
    expect(textOf(confirmation)).toContain(
      "Cancellation policy: Free cancellation until 24 hours before the start; after that, no refund.",
    );
    await mailOf(booking.id, "EMAIL_BUILDER_NEW_BOOKING");
  });
});
