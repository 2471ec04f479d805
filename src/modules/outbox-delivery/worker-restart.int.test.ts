import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, startProviderHarness, type ProviderHarness } from "@/testing/provider-harness";
import { callerFor } from "@/testing/harness";
import { createBuilder, createSessionType } from "@/testing/factories";
import { stopBoss } from "@/server/jobs/boss";
import { recordWebhookEvent } from "@/modules/webhooks/record-webhook-event";

let h: ProviderHarness;
beforeAll(async () => {
  h = await startProviderHarness();
});
afterAll(async () => h.close());

async function mappedFreeType() {
  const { user, profile } = await createBuilder(h.db);
  const type = await createSessionType(h.db, profile.id);
  // The builder's own Calendly user (a member of the platform's organization) hosts the event type.
  h.calendly.addMember({ email: user.email });
  await callerFor(h.db, user.id).sessionType.connectCalendly();
  const et = h.calendly.addEventType({
    name: "Restart",
    slug: `restart-${Date.now()}-${Math.random()}`,
    durationMinutes: 60,
    ownerEmail: user.email,
  });
  await callerFor(h.db, user.id).sessionType.linkCalendly({ id: type.id, eventTypeUri: et.uri });
  return et.uri;
}

function weekdayTen(daysAhead: number): Date {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + daysAhead);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  d.setUTCHours(10, 0, 0, 0);
  return d;
}

describe("nothing acknowledged is lost when the worker dies", () => {
  it("processes after restart an event that was recorded and acknowledged while no worker ran", async () => {
    // No workers: the endpoint records, acknowledges and enqueues; then the process "dies".
    const eventTypeUri = await mappedFreeType();
    const scheduled = await h.calendly.scheduleInvitee({
      eventTypeUri,
      startTime: weekdayTen(5),
      name: "Restart A",
      email: "restart.a@example.test",
    });
    expect(scheduled.deliveryStatus).toBe(200);
    await stopBoss();
    const recorded = await h.db.webhookEvent.findFirstOrThrow({ where: { externalId: `invitee.created:${scheduled.invitee.uri}` } });
    expect(recorded.status).toBe("RECEIVED");
    expect(await h.db.booking.count({ where: { calendlyInviteeUri: scheduled.invitee.uri } })).toBe(0);

    await h.startWorkers();
    await eventually(async () =>
      expect((await h.db.booking.findFirstOrThrow({ where: { calendlyInviteeUri: scheduled.invitee.uri } })).status).toBe("CONFIRMED"),
    );
    expect((await h.db.webhookEvent.findUniqueOrThrow({ where: { id: recorded.id } })).status).toBe("PROCESSED");
    await stopBoss();
  });

  it("processes after restart an event whose job was never enqueued (died between the insert and the enqueue)", async () => {
    const eventTypeUri = await mappedFreeType();
    const scheduled = await h.calendly.scheduleInvitee({
      eventTypeUri,
      startTime: weekdayTen(6),
      name: "Restart B",
      email: "restart.b@example.test",
      deliver: false,
    });
    const { id } = await recordWebhookEvent(h.db, {
      provider: "CALENDLY",
      externalId: `invitee.created:${scheduled.invitee.uri}`,
      type: "invitee.created",
      payload: JSON.parse(scheduled.webhook.rawBody) as never,
    });
    await h.startWorkers();
    await eventually(async () => expect((await h.db.webhookEvent.findUniqueOrThrow({ where: { id } })).status).toBe("PROCESSED"));
    expect((await h.db.booking.findFirstOrThrow({ where: { calendlyInviteeUri: scheduled.invitee.uri } })).status).toBe("CONFIRMED");
  });
});
