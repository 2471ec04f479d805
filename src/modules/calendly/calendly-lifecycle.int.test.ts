import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, startProviderHarness, type ProviderHarness } from "@/testing/provider-harness";
import { bookingState, outboxKinds } from "@/testing/booking-fixtures";
import { callerFor } from "@/testing/harness";
import { createBuilder, createSessionType, createUser } from "@/testing/factories";

let h: ProviderHarness;
beforeAll(async () => {
  h = await startProviderHarness();
  h.stripe.autoDeliver = false;
  await h.startWorkers();
});
afterAll(async () => h.close());

let seq = 0;
/**
 * A session type mapped to its own Calendly event type, through the builder's own procedures:
 * the builder (a member of the platform's Calendly organization) connects, then links.
 */
async function mappedType(priceCents = 0) {
  const { user, profile } = await createBuilder(h.db);
  const type = await createSessionType(h.db, profile.id, { priceCents });
  const builder = callerFor(h.db, user.id);
  h.calendly.addMember({ email: user.email, name: user.name });
  await builder.sessionType.connectCalendly();
  const et = h.calendly.addEventType({
    name: `Session ${++seq}`,
    slug: `session-${seq}-${Date.now()}`,
    durationMinutes: 60,
    ownerEmail: user.email,
  });
  expect((await builder.sessionType.calendlyEventTypes()).map((t) => t.uri)).toContain(et.uri);
  await builder.sessionType.linkCalendly({ id: type.id, eventTypeUri: et.uri });
  return { type, eventTypeUri: et.uri };
}

/** A weekday 10:00 UTC slot the sandbox offers, some days ahead. */
let dayCursor = 3;
function offeredStart(): Date {
  for (;;) {
    const d = new Date();
    d.setUTCDate(d.getUTCDate() + dayCursor++);
    d.setUTCHours(10, 0, 0, 0);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) return d;
  }
}

const mailSubjects = (email: string) =>
  h.sendgrid.messages
    .filter((m) => JSON.stringify(m.body.personalizations).includes(email))
    .map((m) => String(m.body.subject).split(":")[0])
    .sort();

async function settle() {
  await eventually(async () => {
    expect(await h.db.webhookEvent.count({ where: { status: { in: ["RECEIVED", "FAILED"] } } })).toBe(0);
    // Reminders wait for their time: only what is due counts.
    expect(await h.db.outboxMessage.count({ where: { status: "PENDING", availableAt: { lte: new Date() } } })).toBe(0);
  });
}

describe("Calendly lifecycle", () => {
  it("lists Calendly's times for a mapped session type and books through Calendly: utm_content links the invitee, times come from Calendly", async () => {
    const { type, eventTypeUri } = await mappedType(0);
    const start = offeredStart();
    const day = start.toISOString().slice(0, 10);
    const { slots } = await callerFor(h.db).slot.list({ sessionTypeId: type.id, startDate: day, endDate: day, timeZone: "UTC" });
    expect(slots.map((s) => s.start.toISOString())).toContain(start.toISOString());

    const created = await callerFor(h.db).booking.create({
      sessionTypeId: type.id,
      startTime: start,
      clientName: "Cal Client",
      clientEmail: "cal.client@example.test",
    });
    expect(created.booking.status).toBe("PENDING");
    expect(created.next.kind).toBe("calendly");
    const link = new URL(created.next.kind === "calendly" ? created.next.url : "");
    expect(link.searchParams.get("utm_content")).toBe(created.booking.id);

    await h.calendly.scheduleInvitee({
      eventTypeUri,
      startTime: start,
      name: "Cal Client",
      email: "cal.client@example.test",
      utmContent: created.booking.id,
    });
    await settle();
    const booking = await h.db.booking.findUniqueOrThrow({ where: { id: created.booking.id } });
    expect(booking).toMatchObject({ status: "CONFIRMED", paymentStatus: "NOT_REQUIRED", startTime: start });
    expect(booking.calendlyInviteeUri).toMatch(/invitees/);
    await eventually(async () => expect(mailSubjects("cal.client@example.test")).toEqual(["Confirmed"]));
  });

  it("creates the booking for a client who booked on Calendly directly; a paid one waits for payment", async () => {
    const free = await mappedType(0);
    const paid = await mappedType(8000);
    const a = await h.calendly.scheduleInvitee({
      eventTypeUri: free.eventTypeUri,
      startTime: offeredStart(),
      name: "Direct A",
      email: "direct.a@example.test",
    });
    const b = await h.calendly.scheduleInvitee({
      eventTypeUri: paid.eventTypeUri,
      startTime: offeredStart(),
      name: "Direct B",
      email: "direct.b@example.test",
    });
    await settle();
    const bookingA = await h.db.booking.findUniqueOrThrow({ where: { calendlyInviteeUri: a.invitee.uri } });
    const bookingB = await h.db.booking.findUniqueOrThrow({ where: { calendlyInviteeUri: b.invitee.uri } });
    expect(bookingA).toMatchObject({ status: "CONFIRMED", sessionTypeId: free.type.id });
    expect(bookingB).toMatchObject({ status: "PENDING", paymentStatus: "UNPAID", priceCents: 8000 });
    expect(bookingB.holdExpiresAt).not.toBeNull();
    // No page of ours is open to send the client to Checkout: they are emailed the payment link.
    expect(await outboxKinds(h.db, bookingB.id)).toEqual(["EMAIL_PAYMENT_LINK"]);
  });

  it("ends CANCELLED whichever of invitee.created and invitee.canceled arrives first, with one cancellation email at most", async () => {
    for (const order of ["created-first", "canceled-first"] as const) {
      const { eventTypeUri } = await mappedType(0);
      const email = `order-${order}@example.test`;
      const scheduled = await h.calendly.scheduleInvitee({ eventTypeUri, startTime: offeredStart(), name: "Order", email, deliver: false });
      const canceled = await h.calendly.cancelInvitee(scheduled.invitee.uri, {
        reason: "Conflict",
        canceler_type: "invitee",
        deliver: false,
      });
      const bodies =
        order === "created-first"
          ? [scheduled.webhook.rawBody, canceled.webhook.rawBody]
          : [canceled.webhook.rawBody, scheduled.webhook.rawBody];
      for (const raw of bodies) {
        expect(await h.calendly.deliver(raw)).toBe(200);
        await settle();
      }
      const booking = await h.db.booking.findUniqueOrThrow({ where: { calendlyInviteeUri: scheduled.invitee.uri } });
      expect(booking, order).toMatchObject({ status: "CANCELLED", cancellationReason: "Conflict", cancelledBy: "CALENDLY_INVITEE" });
      // Created first means the client was told it was confirmed, so they are told it is cancelled.
      expect(mailSubjects(email), order).toEqual(order === "created-first" ? ["Cancelled", "Confirmed"] : []);
    }
  });

  it("converges for a paid Calendly booking whichever of invitee.created and checkout.session.completed comes first", async () => {
    for (const order of ["invitee-first", "payment-first"] as const) {
      const { type, eventTypeUri } = await mappedType(4500);
      const client = await createUser(h.db);
      const start = offeredStart();
      const created = await callerFor(h.db, client.id).booking.create({ sessionTypeId: type.id, startTime: start });
      const scheduled = await h.calendly.scheduleInvitee({
        eventTypeUri,
        startTime: start,
        name: client.name,
        email: client.email,
        utmContent: created.booking.id,
        deliver: false,
      });
      const { url } = await callerFor(h.db, client.id).booking.checkout({ id: created.booking.id });
      const sessionId = url.split("/").pop()!;
      const payment = await h.stripe.completeCheckout(sessionId, { deliver: false });
      if (order === "invitee-first") {
        await h.calendly.deliver(scheduled.webhook.rawBody);
        await settle();
        expect(await bookingState(h.db, created.booking.id)).toEqual({ status: "PENDING", paymentStatus: "UNPAID" });
        // Scheduling restarts the payment window, so Checkout still gets its 30 minutes.
        const held = await h.db.booking.findUniqueOrThrow({ where: { id: created.booking.id } });
        expect(held.holdExpiresAt!.getTime() - Date.now()).toBeGreaterThan(30 * 60_000);
        for (const e of payment) await h.stripe.deliver(e);
      } else {
        for (const e of payment) await h.stripe.deliver(e);
        await settle();
        await h.calendly.deliver(scheduled.webhook.rawBody);
      }
      await settle();
      const booking = await h.db.booking.findUniqueOrThrow({ where: { id: created.booking.id } });
      expect(booking, order).toMatchObject({ status: "CONFIRMED", paymentStatus: "PAID", calendlyInviteeUri: scheduled.invitee.uri });
      await eventually(async () => expect(mailSubjects(client.email), order).toEqual(["Confirmed", "Receipt"]));
    }
  });

  it("handles a reschedule pair in either order: one CONFIRMED booking at the new time, the old one CANCELLED and linked, payment carried over, no cancellation email", async () => {
    for (const order of ["cancel-first", "create-first"] as const) {
      const { eventTypeUri } = await mappedType(0);
      const email = `resched-${order}@example.test`;
      const original = await h.calendly.scheduleInvitee({ eventTypeUri, startTime: offeredStart(), name: "Mover", email });
      await settle();
      const oldBooking = await h.db.booking.findUniqueOrThrow({ where: { calendlyInviteeUri: original.invitee.uri } });
      // A paid booking's payment must move with it (set directly: the payment path is covered elsewhere).
      await h.db.booking.update({ where: { id: oldBooking.id }, data: { paymentStatus: "PAID", amountPaidCents: 3000, priceCents: 3000 } });
      const newStart = offeredStart();
      const pair = await h.calendly.rescheduleInvitee(original.invitee.uri, newStart, { order, deliver: true });
      expect(pair.deliveryStatuses).toEqual([200, 200]);
      await settle();
      const old = await h.db.booking.findUniqueOrThrow({ where: { id: oldBooking.id }, include: { rescheduledTo: true } });
      expect(old.status, order).toBe("CANCELLED");
      expect(old.cancellationReason).toBe("RESCHEDULED");
      expect(old.rescheduledTo).toMatchObject({
        status: "CONFIRMED",
        startTime: newStart,
        paymentStatus: "PAID",
        amountPaidCents: 3000,
        calendlyInviteeUri: pair.newInvitee.uri,
      });
      const live = await h.db.booking.count({ where: { clientEmail: email, status: { in: ["PENDING", "CONFIRMED"] } } });
      expect(live).toBe(1);
      await eventually(async () => expect(mailSubjects(email), order).toEqual(["Confirmed", "Rescheduled"]));
    }
  });

  it("cancels the Calendly event when a booking is cancelled in our app", async () => {
    const { eventTypeUri } = await mappedType(0);
    const scheduled = await h.calendly.scheduleInvitee({
      eventTypeUri,
      startTime: offeredStart(),
      name: "App Cancel",
      email: "app.cancel@example.test",
    });
    await settle();
    const booking = await h.db.booking.findUniqueOrThrow({ where: { calendlyInviteeUri: scheduled.invitee.uri } });
    const admin = await createUser(h.db, "ADMIN");
    await callerFor(h.db, admin.id).booking.cancel({ id: booking.id, reason: "Builder is ill" });
    await settle();
    const eventUuid = scheduled.scheduledEvent.uri.split("/").pop();
    await eventually(async () =>
      expect(h.calendly.requests.some((r) => r.method === "POST" && r.path === `/scheduled_events/${eventUuid}/cancellation`)).toBe(true),
    );
    // Calendly then sends invitee.canceled for it; that must not send a second email.
    await settle();
    expect(mailSubjects("app.cancel@example.test")).toEqual(["Cancelled", "Confirmed"]);
  });

  it("records a signed event of an unexpected shape as IGNORED with the reason, without retrying it", async () => {
    const raw = JSON.stringify({
      event: "invitee.created",
      created_at: new Date().toISOString(),
      payload: { uri: `https://api.calendly.com/odd/${Date.now()}` },
    });
    expect(await h.calendly.deliver(raw)).toBe(200);
    const row = await eventually(async () => {
      const r = await h.db.webhookEvent.findFirstOrThrow({
        where: { externalId: { startsWith: "invitee.created:https://api.calendly.com/odd/" } },
      });
      expect(r.status).toBe("IGNORED");
      return r;
    });
    expect(row.attempts).toBe(1);
    expect(row.lastError).toMatch(/Unexpected payload: .*scheduled_event/);
  });
});
