// Calendar invites on booking emails, delivered by the outbox use-case (as a worker's job
// handler calls it) through the real @sendgrid/mail SDK to the SendGrid sandbox, which
// validates attachments as SendGrid's v3 API does. No workers run in this file.
import { attachmentsOf, type ReceivedMail } from "@booking/provider-sandbox";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { OutboxKind } from "@/generated/prisma/client";
import { enqueueOutbox } from "@/modules/outbox/enqueue-outbox";
import { outboxDeps } from "@/server/jobs/workers";
import { createBuilder, createSessionType, futureHour } from "@/testing/factories";
import { callerFor } from "@/testing/harness";
import { icsProperty } from "@/testing/ics-lines";
import { startProviderHarness, type ProviderHarness } from "@/testing/provider-harness";
import { deliverOutboxMessage, type OutboxDeps } from "./deliver-outbox-message";

let h: ProviderHarness;
beforeAll(async () => {
  h = await startProviderHarness();
});
afterAll(async () => h.close());

let day = 30;
async function sessionType() {
  const { profile } = await createBuilder(h.db, { displayName: "Invite Builder" });
  return { builderId: profile.id, type: await createSessionType(h.db, profile.id) };
}

/** Delivers the booking's owed email of that kind and returns what SendGrid received. */
async function deliver(bookingId: string, kind: OutboxKind, deps: OutboxDeps = outboxDeps(h.db)): Promise<ReceivedMail> {
  const row = await h.db.outboxMessage.findUniqueOrThrow({ where: { bookingId_kind: { bookingId, kind } } });
  expect(await deliverOutboxMessage(h.db, deps, { outboxId: row.id, finalAttempt: false })).toBe("sent");
  const mails = h.sendgrid.messages.filter((m) => (m.body.custom_args as Record<string, string> | undefined)?.outboxId === row.id);
  expect(mails).toHaveLength(1);
  return mails[0]!;
}

function invite(mail: ReceivedMail) {
  const attachments = attachmentsOf(mail);
  expect(attachments).toHaveLength(1);
  expect(attachments[0]).toMatchObject({ filename: "invite.ics", type: "text/calendar", disposition: "attachment" });
  const ics = attachments[0]!.content;
  return {
    method: icsProperty(ics, "METHOD")[0],
    uid: icsProperty(ics, "UID")[0],
    sequence: Number(icsProperty(ics, "SEQUENCE")[0]),
    status: icsProperty(ics, "STATUS")[0],
    start: icsProperty(ics, "DTSTART")[0],
  };
}

const host = () => new URL(outboxDeps(h.db).baseUrl).host;
const icsTime = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

describe("calendar invites on booking emails", () => {
  it("a confirmation carries a REQUEST; the cancellation a CANCEL of the same UID with a higher SEQUENCE", async () => {
    const { type } = await sessionType();
    const startTime = futureHour(day++);
    const { booking, manageToken } = await callerFor(h.db).booking.create({
      sessionTypeId: type.id,
      startTime,
      clientName: "Invite Client",
      clientEmail: "invite@example.test",
    });
    const confirmed = invite(await deliver(booking.id, "EMAIL_CONFIRMATION"));
    expect(confirmed).toEqual({
      method: "REQUEST",
      uid: `${booking.id}@${host()}`,
      sequence: 0,
      status: "CONFIRMED",
      start: icsTime(startTime),
    });

    await callerFor(h.db).booking.cancel({ id: booking.id, manageToken: manageToken ?? undefined, reason: "Cannot make it" });
    const cancelled = invite(await deliver(booking.id, "EMAIL_CANCELLATION"));
    expect(cancelled).toMatchObject({ method: "CANCEL", uid: confirmed.uid, status: "CANCELLED" });
    expect(cancelled.sequence).toBeGreaterThan(confirmed.sequence);
  });

  it("a reschedule updates the first booking's calendar entry, and a stale confirmation adds nothing", async () => {
    const { builderId, type } = await sessionType();
    const make = (startTime: Date, status: "CONFIRMED" | "CANCELLED", rescheduledFromId: string | null) =>
      h.db.booking.create({
        data: {
          sessionTypeId: type.id,
          builderId,
          clientName: "Moved Client",
          clientEmail: "moved@example.test",
          startTime,
          endTime: new Date(startTime.getTime() + 3_600_000),
          status,
          paymentStatus: "NOT_REQUIRED",
          priceCents: 0,
          currency: "usd",
          rescheduledFromId,
        },
      });
    const first = await make(futureHour(day++), "CANCELLED", null);
    const second = await make(futureHour(day++), "CANCELLED", first.id);
    const third = await make(futureHour(day++), "CONFIRMED", second.id);
    await enqueueOutbox(h.db, third.id, ["EMAIL_RESCHEDULE"]);
    expect(invite(await deliver(third.id, "EMAIL_RESCHEDULE"))).toEqual({
      method: "REQUEST",
      uid: `${first.id}@${host()}`,
      sequence: 2,
      status: "CONFIRMED",
      start: icsTime(third.startTime),
    });

    // Delivered only after the booking was cancelled: it must not put the session back.
    await enqueueOutbox(h.db, second.id, ["EMAIL_CONFIRMATION"]);
    expect(attachmentsOf(await deliver(second.id, "EMAIL_CONFIRMATION"))).toEqual([]);
  });

  it("sends the email without an invite when the invite cannot be built, and reports why", async () => {
    const { type } = await sessionType();
    const { booking } = await callerFor(h.db).booking.create({
      sessionTypeId: type.id,
      startTime: futureHour(day++),
      clientName: "Unlucky Client",
      clientEmail: "no-invite@example.test",
    });
    const onInviteError = vi.fn();
    const mail = await deliver(booking.id, "EMAIL_CONFIRMATION", outboxDeps(h.db, { baseUrl: "not a url", onInviteError }));
    expect(attachmentsOf(mail)).toEqual([]);
    expect(mail.body.subject).toMatch(/^Confirmed: /);
    expect(onInviteError).toHaveBeenCalledOnce();
    expect(onInviteError).toHaveBeenCalledWith(expect.any(Error), expect.objectContaining({ bookingId: booking.id }));
  });
});
