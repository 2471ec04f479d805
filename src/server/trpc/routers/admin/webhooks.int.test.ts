// The console's webhook inbox against running workers and the provider sandboxes: admins only,
// manual booking mode holds signed events, and applying one from the console ends exactly where
// automatic processing would have; dismiss and replay are audited.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { recordWebhookEvent } from "@/modules/webhooks/record-webhook-event";
import { drainInbox } from "@/server/cron/drain-inbox";
import { paidBookingWithCheckout } from "@/testing/booking-fixtures";
import { createBuilder, createSessionType, createUser } from "@/testing/factories";
import { callerFor } from "@/testing/harness";
import { eventually, startProviderHarness, type ProviderHarness } from "@/testing/provider-harness";

let h: ProviderHarness;
let admin: ReturnType<typeof callerFor>["admin"];
beforeAll(async () => {
  h = await startProviderHarness();
  await h.startWorkers();
  admin = callerFor(h.db, (await createUser(h.db, "ADMIN", "Ops Admin")).id).admin;
});
afterAll(async () => h.close());
// A failed test must not leave the next one in manual mode.
afterEach(async () => {
  await manualMode(false);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const manualMode = (value: boolean) => admin.setLever({ lever: "MANUAL_BOOKING_MODE", value, reason: "console test" });

/** What processing leaves behind, without ids and times: compared between automatic and console paths. */
async function endState(db: PrismaClient, bookingId: string) {
  const b = await db.booking.findUniqueOrThrow({ where: { id: bookingId } });
  const outbox = await db.outboxMessage.findMany({ where: { bookingId }, orderBy: { kind: "asc" }, select: { kind: true } });
  const events = await db.webhookEvent.findMany({ where: { bookingId }, orderBy: { type: "asc" }, select: { type: true, status: true } });
  return {
    status: b.status,
    paymentStatus: b.paymentStatus,
    amountPaidCents: b.amountPaidCents,
    attentionReason: b.attentionReason,
    holdExpiresAt: b.holdExpiresAt === null ? null : "set",
    calendlyLinked: b.calendlyInviteeUri !== null,
    outbox: outbox.map((o) => o.kind),
    events,
  };
}

const held = () => h.db.webhookEvent.findMany({ where: { status: "HELD" }, orderBy: { receivedAt: "asc" } });
const settled = () =>
  eventually(async () => expect(await h.db.webhookEvent.count({ where: { status: { in: ["RECEIVED", "FAILED"] } } })).toBe(0));

let seq = 0;
async function calendlyBooking() {
  const { user, profile } = await createBuilder(h.db);
  const type = await createSessionType(h.db, profile.id, { priceCents: 0 });
  // The builder's own Calendly user (a member of the platform's organization) hosts the event type.
  h.calendly.addMember({ email: user.email });
  await callerFor(h.db, user.id).sessionType.connectCalendly();
  const et = h.calendly.addEventType({
    name: `Console ${++seq}`,
    slug: `console-${seq}-${Date.now()}`,
    durationMinutes: 60,
    ownerEmail: user.email,
  });
  await callerFor(h.db, user.id).sessionType.linkCalendly({ id: type.id, eventTypeUri: et.uri });
  const start = new Date();
  start.setUTCDate(start.getUTCDate() + 7 + seq);
  while (start.getUTCDay() === 0 || start.getUTCDay() === 6) start.setUTCDate(start.getUTCDate() + 1);
  start.setUTCHours(10, 0, 0, 0);
  const created = await callerFor(h.db).booking.create({
    sessionTypeId: type.id,
    startTime: start,
    clientName: "Cal Console",
    clientEmail: `cal-console-${seq}@example.test`,
  });
  const schedule = () =>
    h.calendly.scheduleInvitee({
      eventTypeUri: et.uri,
      startTime: start,
      name: "Cal Console",
      email: `cal-console-${seq}@example.test`,
      utmContent: created.booking.id,
    });
  return { bookingId: created.booking.id, schedule };
}

describe("admin.webhooks", () => {
  it("refuses clients, builders and anonymous callers on every procedure, and changes nothing", async () => {
    const { id } = await recordWebhookEvent(h.db, { provider: "STRIPE", externalId: `evt_guard_${Date.now()}`, type: "x.y", payload: {} });
    await h.db.webhookEvent.update({ where: { id }, data: { status: "HELD" } });
    const client = await createUser(h.db);
    const { user: builder } = await createBuilder(h.db);
    const audits = await h.db.auditLog.count();
    const action = { id, reason: "not allowed" };
    for (const [userId, code] of [
      [client.id, "FORBIDDEN"],
      [builder.id, "FORBIDDEN"],
      [null, "UNAUTHORIZED"],
    ] as const) {
      const w = callerFor(h.db, userId).admin.webhooks;
      await expect(w.list({})).rejects.toMatchObject({ code });
      await expect(w.get({ id })).rejects.toMatchObject({ code });
      await expect(w.applyHeld(action)).rejects.toMatchObject({ code });
      await expect(w.replay(action)).rejects.toMatchObject({ code });
      await expect(w.dismiss(action)).rejects.toMatchObject({ code });
      await expect(w.replayFailed({ reason: "not allowed" })).rejects.toMatchObject({ code });
      await expect(callerFor(h.db, userId).admin.overview()).rejects.toMatchObject({ code });
    }
    expect(await h.db.auditLog.count()).toBe(audits);
    expect(await h.db.webhookEvent.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "HELD", attempts: 0 });
    // Refused actions on the wrong status are clear 4xx, with nothing written either.
    await expect(admin.webhooks.replay(action)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(admin.webhooks.applyHeld({ id, reason: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(admin.webhooks.get({ id: "no-such-event" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await h.db.auditLog.count()).toBe(audits);
    await admin.webhooks.dismiss({ id, reason: "guard fixture" });
  });

  it("holds a Stripe payment in manual mode; applying it gives the end state of automatic processing", async () => {
    const automatic = await paidBookingWithCheckout(h.db);
    await h.stripe.completeCheckout(automatic.checkoutSessionId);
    await eventually(async () => expect((await endState(h.db, automatic.booking.id)).status).toBe("CONFIRMED"));
    await settled();

    await manualMode(true);
    const manual = await paidBookingWithCheckout(h.db);
    await h.stripe.completeCheckout(manual.checkoutSessionId);
    await eventually(async () => expect((await held()).length).toBeGreaterThan(0));
    await sleep(1_500); // every event of the payment has arrived and been held
    await settled();
    expect(await endState(h.db, manual.booking.id)).toMatchObject({ status: "PENDING", paymentStatus: "UNPAID", outbox: [] });

    // The console lists them as waiting; the overview counts them.
    const listed = await admin.webhooks.list({ status: "HELD", provider: "STRIPE" });
    expect(listed.items.map((e) => e.id).sort()).toEqual((await held()).map((e) => e.id).sort());
    expect((await admin.overview()).heldWebhooks).toBe(listed.total);

    // Switching the lever off leaves held events held: the operator decides (docs/decisions/0022).
    await manualMode(false);
    await sleep(6_000); // past a recovery pass
    expect((await held()).length).toBe(listed.total);

    for (const event of await held()) {
      expect(await admin.webhooks.applyHeld({ id: event.id, reason: "payment verified in Stripe" })).toMatchObject({ status: "PROCESSED" });
    }
    expect(await endState(h.db, manual.booking.id)).toEqual({
      ...(await endState(h.db, automatic.booking.id)),
    });
    expect((await endState(h.db, manual.booking.id)).events.length).toBeGreaterThan(0);
    const audit = await h.db.auditLog.findFirstOrThrow({ where: { action: "webhook.apply" }, orderBy: { createdAt: "desc" } });
    expect(audit).toMatchObject({ reason: "payment verified in Stripe", targetType: "WebhookEvent", before: { status: "HELD" } });
    expect(audit.after).toMatchObject({ status: "PROCESSED", bookingId: manual.booking.id });
  });

  it("holds a Calendly invitee in manual mode (workers and the cron drain); applying it confirms like automatic processing", async () => {
    const automatic = await calendlyBooking();
    await automatic.schedule();
    await eventually(async () => expect((await endState(h.db, automatic.bookingId)).status).toBe("CONFIRMED"));
    await settled();

    await manualMode(true);
    const manual = await calendlyBooking();
    await manual.schedule();
    await eventually(async () => expect((await held()).length).toBe(1));
    expect(await endState(h.db, manual.bookingId)).toMatchObject({ status: "PENDING", calendlyLinked: false });

    // The cron drain holds too: an event recorded without a job.
    const { id: drained } = await recordWebhookEvent(h.db, {
      provider: "CALENDLY",
      externalId: `drain-held-${Date.now()}`,
      type: "invitee_no_show.created",
      payload: {},
    });
    expect(await drainInbox(h.db, { deadline: Date.now() + 5_000 })).toMatchObject({ held: 1, processed: 0 });
    expect((await h.db.webhookEvent.findUniqueOrThrow({ where: { id: drained } })).status).toBe("HELD");
    await admin.webhooks.dismiss({ id: drained, reason: "no-show events are not ours" });
    await manualMode(false);

    const [event] = await held();
    expect(await admin.webhooks.applyHeld({ id: event!.id, reason: "client confirmed by phone" })).toMatchObject({
      outcome: "processed",
      status: "PROCESSED",
    });
    expect(await endState(h.db, manual.bookingId)).toEqual(await endState(h.db, automatic.bookingId));
    expect(await endState(h.db, manual.bookingId)).toMatchObject({ status: "CONFIRMED", calendlyLinked: true });
    // Applying twice is refused: it is no longer held.
    await expect(admin.webhooks.applyHeld({ id: event!.id, reason: "again" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("dismisses a held event with an audit row and leaves the booking untouched", async () => {
    await manualMode(true);
    const manual = await paidBookingWithCheckout(h.db);
    await h.stripe.completeCheckout(manual.checkoutSessionId);
    await eventually(async () => expect((await held()).length).toBeGreaterThan(0));
    await sleep(1_500);
    await manualMode(false);
    const before = await endState(h.db, manual.booking.id);
    const outboxBefore = await h.db.outboxMessage.count();

    for (const event of await held()) {
      await expect(admin.webhooks.dismiss({ id: event.id, reason: "duplicate payment under review" })).resolves.toEqual({
        status: "DISMISSED",
      });
      const audit = await h.db.auditLog.findFirstOrThrow({ where: { targetId: event.id, action: "webhook.dismiss" } });
      expect(audit).toMatchObject({ reason: "duplicate payment under review", before: { status: "HELD" }, after: { status: "DISMISSED" } });
      expect((await admin.webhooks.get({ id: event.id })).actions.map((a) => a.action)).toEqual(["webhook.dismiss"]);
    }
    expect(await endState(h.db, manual.booking.id)).toEqual(before);
    expect(before).toMatchObject({ status: "PENDING", paymentStatus: "UNPAID" });
    expect(await h.db.outboxMessage.count()).toBe(outboxBefore);
  });

  it("replays a failed event through the same path, and replays all failed ones saying how many", async () => {
    const one = await paidBookingWithCheckout(h.db);
    const two = await paidBookingWithCheckout(h.db);
    const failed = [];
    for (const booking of [one, two]) {
      const [completed] = await h.stripe.completeCheckout(booking.checkoutSessionId, { deliver: false });
      // A delivery whose processing gave up (e.g. the database was away for every retry).
      const { id } = await recordWebhookEvent(h.db, {
        provider: "STRIPE",
        externalId: completed!.id,
        type: completed!.type,
        payload: JSON.parse(JSON.stringify(completed)) as object,
      });
      await h.db.webhookEvent.update({ where: { id }, data: { status: "FAILED", attempts: 5, lastError: "connection reset" } });
      failed.push(id);
    }

    const single = await admin.webhooks.replay({ id: failed[0]!, reason: "database is back" });
    expect(single).toEqual({ outcome: "processed", status: "PROCESSED", error: null });
    expect(await endState(h.db, one.booking.id)).toMatchObject({ status: "CONFIRMED", paymentStatus: "PAID" });
    expect(await h.db.webhookEvent.findUniqueOrThrow({ where: { id: failed[0]! } })).toMatchObject({ bookingId: one.booking.id });

    expect(await admin.webhooks.replayFailed({ reason: "database is back" })).toEqual({
      replayed: 1,
      processed: 1,
      ignored: 0,
      failed: 0,
      remaining: 0,
    });
    expect(await endState(h.db, two.booking.id)).toMatchObject({ status: "CONFIRMED", paymentStatus: "PAID" });
    expect(await h.db.auditLog.count({ where: { action: "webhook.replay", targetId: { in: failed } } })).toBe(2);

    // The payload view masks the client, keeps ids and types.
    const view = await admin.webhooks.get({ id: failed[1]! });
    expect(view.payload).toContain(two.booking.id);
    expect(view.payload).toContain("checkout.session.completed");
    expect(view.payload).not.toContain(two.booking.clientEmail);
  });
});
