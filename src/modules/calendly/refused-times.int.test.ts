// Times Calendly reports that the builder's rules refuse: recorded CANCELLED with the reason,
// cancelled on Calendly, and explained to the client (and nothing else owed). Also: Calendly's
// reschedule and cancel pages are kept on the booking.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, startProviderHarness, type ProviderHarness } from "@/testing/provider-harness";
import { outboxKinds } from "@/testing/booking-fixtures";
import { callerFor } from "@/testing/harness";
import { createBuilder, createSessionType, createUser } from "@/testing/factories";

let h: ProviderHarness;
beforeAll(async () => {
  h = await startProviderHarness();
  h.stripe.autoDeliver = false;
  await h.startWorkers();
});
afterAll(async () => h.close());

const MINUTE = 60_000;
const DAY = 86_400_000;
let seq = 0;

/** A builder linked to their own Calendly user, with a session type mapped to one of their event types. */
async function mappedType({ priceCents = 0, minimumNoticeMinutes = 0 } = {}) {
  const { user, profile } = await createBuilder(h.db, { minimumNoticeMinutes });
  const type = await createSessionType(h.db, profile.id, { priceCents });
  const api = callerFor(h.db, user.id).sessionType;
  h.calendly.addMember({ email: user.email, name: user.name });
  await api.connectCalendly();
  const et = h.calendly.addEventType({
    name: `Refusal ${++seq}`,
    slug: `refusal-${seq}-${Date.now()}`,
    durationMinutes: 60,
    ownerEmail: user.email,
  });
  await api.linkCalendly({ id: type.id, eventTypeUri: et.uri });
  return { type, profile, eventTypeUri: et.uri };
}

/** A weekday 10:00 UTC, some days ahead (inside the factory's 90-day window). */
let dayCursor = 3;
function offeredStart(): Date {
  for (;;) {
    const d = new Date(Date.now() + dayCursor++ * DAY);
    d.setUTCHours(10, 0, 0, 0);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) return d;
  }
}

async function settle() {
  await eventually(async () => {
    expect(await h.db.webhookEvent.count({ where: { status: { in: ["RECEIVED", "FAILED"] } } })).toBe(0);
    expect(await h.db.outboxMessage.count({ where: { status: "PENDING", availableAt: { lte: new Date() } } })).toBe(0);
  });
}

const cancelledOnCalendly = (eventUri: string) =>
  eventually(async () =>
    expect(
      h.calendly.requests.some((r) => r.method === "POST" && r.path === `/scheduled_events/${eventUri.split("/").pop()}/cancellation`),
    ).toBe(true),
  );

const mailsTo = (email: string) =>
  h.sendgrid.messages.filter((m) => JSON.stringify(m.body.personalizations).includes(email)).map((m) => String(m.body.subject));

/** A direct Calendly booking (no app page involved) and what became of it. */
async function scheduleDirect(eventTypeUri: string, startTime: Date, email: string) {
  const scheduled = await h.calendly.scheduleInvitee({ eventTypeUri, startTime, name: "Refused Client", email });
  await settle();
  const booking = await h.db.booking.findUniqueOrThrow({ where: { calendlyInviteeUri: scheduled.invitee.uri } });
  return { scheduled, booking };
}

describe("a time Calendly reports that the builder's rules refuse", () => {
  it.each([
    ["in the past", "NOT_BOOKABLE_IN_THE_PAST", "had already passed", {}, () => new Date(Date.now() - DAY)],
    [
      "inside the minimum notice",
      "NOT_BOOKABLE_SHORT_NOTICE",
      "needs more notice",
      { minimumNoticeMinutes: 240 },
      () => new Date(Date.now() + 90 * MINUTE),
    ],
    ["beyond the booking window", "NOT_BOOKABLE_BEYOND_WINDOW", "further ahead than", {}, () => new Date(Date.now() + 120 * DAY)],
  ] as const)(
    "%s: recorded CANCELLED, cancelled on Calendly, the client told why; nothing else owed",
    async (_label, code, words, rules, start) => {
      const { eventTypeUri } = await mappedType(rules);
      const email = `refused-${code.toLowerCase()}@example.test`;
      const { scheduled, booking } = await scheduleDirect(eventTypeUri, start(), email);
      expect(booking).toMatchObject({
        status: "CANCELLED",
        cancelledBy: "SYSTEM",
        cancellationReason: code,
        paymentStatus: "NOT_REQUIRED",
      });
      expect(await outboxKinds(h.db, booking.id)).toEqual(["CALENDLY_CANCEL", "EMAIL_TIME_REFUSED"]);
      await cancelledOnCalendly(scheduled.scheduledEvent.uri);
      const subject = `Time not available: ${await titleOf(booking.id)}`;
      await eventually(async () => expect(mailsTo(email)).toEqual([subject]));
      const mail = h.sendgrid.messages.find((m) => JSON.stringify(m.body.personalizations).includes(email));
      expect(JSON.stringify(mail?.body.content)).toContain(words);
      expect(JSON.stringify(mail?.body.content)).toContain("/builders/");
      // Calendly answers our cancellation with invitee.canceled: it changes nothing more.
      await settle();
      expect(await outboxKinds(h.db, booking.id)).toEqual(["CALENDLY_CANCEL", "EMAIL_TIME_REFUSED"]);
      expect(h.calendly.getInvitee(scheduled.invitee.uri)?.status).toBe("canceled");
    },
  );

  it("an archived session type: refused as not on offer", async () => {
    const { type, eventTypeUri } = await mappedType();
    await h.db.sessionType.update({ where: { id: type.id }, data: { active: false } });
    const { booking } = await scheduleDirect(eventTypeUri, offeredStart(), "refused-archived@example.test");
    expect(booking).toMatchObject({ status: "CANCELLED", cancellationReason: "NOT_BOOKABLE_NOT_OFFERED" });
    expect(await outboxKinds(h.db, booking.id)).toEqual(["CALENDLY_CANCEL", "EMAIL_TIME_REFUSED"]);
  });

  it("an event hosted by someone other than the builder's own Calendly user: refused as not on offer", async () => {
    const { eventTypeUri } = await mappedType();
    const scheduled = await h.calendly.scheduleInvitee({
      eventTypeUri,
      startTime: offeredStart(),
      name: "Other Host",
      email: "refused-host@example.test",
      deliver: false,
    });
    const body = JSON.parse(scheduled.webhook.rawBody) as { payload: { scheduled_event: { event_memberships: { user: string }[] } } };
    body.payload.scheduled_event.event_memberships = [{ user: h.calendly.user.uri }];
    expect(await h.calendly.deliver(JSON.stringify(body))).toBe(200);
    await settle();
    const booking = await h.db.booking.findUniqueOrThrow({ where: { calendlyInviteeUri: scheduled.invitee.uri } });
    expect(booking).toMatchObject({ status: "CANCELLED", cancellationReason: "NOT_BOOKABLE_NOT_OFFERED" });
    expect(await outboxKinds(h.db, booking.id)).toEqual(["CALENDLY_CANCEL", "EMAIL_TIME_REFUSED"]);
  });

  it("a paid type scheduled directly: refused with no payment link and no Checkout owed", async () => {
    const { eventTypeUri } = await mappedType({ priceCents: 8000 });
    const { booking } = await scheduleDirect(eventTypeUri, new Date(Date.now() + 200 * DAY), "refused-paid@example.test");
    expect(booking).toMatchObject({ status: "CANCELLED", paymentStatus: "UNPAID", cancellationReason: "NOT_BOOKABLE_BEYOND_WINDOW" });
    expect(await outboxKinds(h.db, booking.id)).toEqual(["CALENDLY_CANCEL", "EMAIL_TIME_REFUSED"]);
    expect(h.stripe.requests.filter((r) => r.path === "/v1/checkout/sessions")).toHaveLength(0);
  });

  it("a paid booking started in our app, scheduled on Calendly at a refused time: cancelled, and Checkout is no longer offered", async () => {
    const { type, eventTypeUri } = await mappedType({ priceCents: 4500 });
    const client = await createUser(h.db);
    const created = await callerFor(h.db, client.id).booking.create({ sessionTypeId: type.id, startTime: offeredStart() });
    expect(created.booking.status).toBe("PENDING");
    // On Calendly's page the client picked another time, past the builder's window.
    const scheduled = await h.calendly.scheduleInvitee({
      eventTypeUri,
      startTime: new Date(Date.now() + 150 * DAY),
      name: client.name,
      email: client.email,
      utmContent: created.booking.id,
    });
    await settle();
    const booking = await h.db.booking.findUniqueOrThrow({ where: { id: created.booking.id } });
    expect(booking).toMatchObject({
      status: "CANCELLED",
      cancelledBy: "SYSTEM",
      cancellationReason: "NOT_BOOKABLE_BEYOND_WINDOW",
      calendlyInviteeUri: scheduled.invitee.uri,
    });
    expect(await outboxKinds(h.db, booking.id)).toEqual(["CALENDLY_CANCEL", "EMAIL_TIME_REFUSED"]);
    await cancelledOnCalendly(scheduled.scheduledEvent.uri);
    await expect(callerFor(h.db, client.id).booking.checkout({ id: booking.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("Calendly's reschedule and cancel pages", () => {
  it("are stored on a booking Calendly created and on one our app started", async () => {
    const { type, eventTypeUri } = await mappedType();
    const direct = await scheduleDirect(eventTypeUri, offeredStart(), "links-direct@example.test");
    expect(direct.booking).toMatchObject({
      status: "CONFIRMED",
      calendlyRescheduleUrl: direct.scheduled.invitee.reschedule_url,
      calendlyCancelUrl: direct.scheduled.invitee.cancel_url,
    });

    const start = offeredStart();
    const created = await callerFor(h.db).booking.create({
      sessionTypeId: type.id,
      startTime: start,
      clientName: "Linked Client",
      clientEmail: "links-app@example.test",
    });
    const scheduled = await h.calendly.scheduleInvitee({
      eventTypeUri,
      startTime: start,
      name: "Linked Client",
      email: "links-app@example.test",
      utmContent: created.booking.id,
    });
    await settle();
    expect(await h.db.booking.findUniqueOrThrow({ where: { id: created.booking.id } })).toMatchObject({
      status: "CONFIRMED",
      calendlyRescheduleUrl: scheduled.invitee.reschedule_url,
      calendlyCancelUrl: scheduled.invitee.cancel_url,
    });
    expect(scheduled.invitee.reschedule_url).toMatch(/^http:\/\/.+\/reschedulings\//);
  });
});

async function titleOf(bookingId: string): Promise<string> {
  const b = await h.db.booking.findUniqueOrThrow({ where: { id: bookingId }, include: { sessionType: true, builder: true } });
  return `${b.sessionType.title} with ${b.builder.displayName}`;
}
