// The pause levers against running in-process workers: paused work waits (nothing lost, nothing
// sent or applied) and leaves within seconds once the lever is off, without a restart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setLever } from "@/modules/levers/set-lever";
import type { LeverName } from "@/modules/levers/read-levers";
import { recordWebhookEvent } from "@/modules/webhooks/record-webhook-event";
import { drainInbox } from "@/server/cron/drain-inbox";
import { forgetLevers } from "@/server/levers/lever-cache";
import { createBuilder, createSessionType, createUser, futureHour } from "@/testing/factories";
import { callerFor } from "@/testing/harness";
import { eventually, startProviderHarness, type ProviderHarness } from "@/testing/provider-harness";
import { enqueueWebhookEvent } from "./enqueue";

let h: ProviderHarness;
let adminId: string;
beforeAll(async () => {
  h = await startProviderHarness();
  await h.startWorkers();
  adminId = (await createUser(h.db, "ADMIN")).id;
});
afterAll(async () => h.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function lever(name: LeverName, value: boolean) {
  await setLever({ db: h.db, actorId: adminId, lever: name, value, reason: "test", fallback: false, now: new Date() });
  forgetLevers(h.db);
}

describe("pause levers with running workers", () => {
  it("keeps an owed email PENDING and unsent while emails are paused, and sends it within seconds of un-pausing", async () => {
    await lever("EMAIL_SENDING_PAUSED", true);
    const { profile } = await createBuilder(h.db);
    const type = await createSessionType(h.db, profile.id);
    const { booking } = await callerFor(h.db).booking.create({
      sessionTypeId: type.id,
      startTime: futureHour(20),
      clientName: "Paused Mail",
      clientEmail: "paused-mail@example.test",
    });
    const owed = () => h.db.outboxMessage.findFirstOrThrow({ where: { bookingId: booking.id, kind: "EMAIL_CONFIRMATION" } });
    await eventually(async () => expect((await owed()).lastError).toMatch(/EMAIL_SENDING_PAUSED/));
    await sleep(6_000); // past a recovery pass, which offers the row again
    expect(await owed()).toMatchObject({ status: "PENDING", attempts: 0 });
    // Addressed to the client (the builder's new-booking email names the client's address too).
    const mailsTo = () => h.sendgrid.messages.filter((m) => JSON.stringify(m.body.personalizations).includes("paused-mail@example.test"));
    expect(mailsTo()).toHaveLength(0);
    const builderNotice = () =>
      h.db.outboxMessage.findFirstOrThrow({ where: { bookingId: booking.id, kind: "EMAIL_BUILDER_NEW_BOOKING" } });
    expect(await builderNotice()).toMatchObject({ status: "PENDING", attempts: 0 });

    await lever("EMAIL_SENDING_PAUSED", false);
    const unpausedAt = Date.now();
    await eventually(async () => expect((await owed()).status).toBe("SENT"), { timeoutMs: 15_000 });
    expect(Date.now() - unpausedAt).toBeLessThan(12_000);
    expect(mailsTo()).toHaveLength(1);
    await eventually(async () => expect((await builderNotice()).status).toBe("SENT"), { timeoutMs: 5_000 });
  });

  it("leaves a recorded webhook event waiting while paused, then processes it within seconds of un-pausing", async () => {
    await lever("WEBHOOKS_PAUSED", true);
    const { id } = await recordWebhookEvent(h.db, {
      provider: "CALENDLY",
      externalId: `paused-${Date.now()}`,
      type: "invitee_no_show.created",
      payload: {},
    });
    await enqueueWebhookEvent(id);
    const event = () => h.db.webhookEvent.findUniqueOrThrow({ where: { id } });
    await sleep(6_000); // the job ran (and ended) and a recovery pass offered the event again
    expect(await event()).toMatchObject({ status: "RECEIVED", attempts: 0 });
    // The cron drain respects the lever too.
    expect(await drainInbox(h.db, { deadline: Date.now() + 5_000 })).toMatchObject({ paused: true, processed: 0, ignored: 0 });

    await lever("WEBHOOKS_PAUSED", false);
    const unpausedAt = Date.now();
    await eventually(async () => expect((await event()).status).not.toBe("RECEIVED"), { timeoutMs: 15_000 });
    expect(Date.now() - unpausedAt).toBeLessThan(12_000);
    expect((await event()).processedAt).not.toBeNull();
  });
});
