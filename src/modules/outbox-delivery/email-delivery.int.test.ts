import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, startProviderHarness, type ProviderHarness } from "@/testing/provider-harness";
import { callerFor } from "@/testing/harness";
import { createBuilder, createSessionType, futureHour } from "@/testing/factories";

let h: ProviderHarness;
beforeAll(async () => {
  h = await startProviderHarness();
  await h.startWorkers();
});
afterAll(async () => h.close());

let day = 20;
async function freeBooking(email: string) {
  const { profile } = await createBuilder(h.db, { displayName: "Mail Builder" });
  const type = await createSessionType(h.db, profile.id);
  return callerFor(h.db).booking.create({
    sessionTypeId: type.id,
    startTime: futureHour(day++),
    clientName: "Mail Client",
    clientEmail: email,
  });
}

describe("emails leave through the outbox, with SendGrid's retry rules", () => {
  it("retries 503 three times with backoff, then delivers each email exactly once; the booking stays CONFIRMED", async () => {
    h.sendgrid.failNext([503, 503, 503]);
    const { booking, manageToken } = await freeBooking("retry@example.test");
    // The booking owes two emails now (the client's confirmation, the builder's news); the
    // three failures fall on either, and both are retried until sent.
    const rows = await eventually(
      async () => {
        const r = await h.db.outboxMessage.findMany({
          where: { bookingId: booking.id, kind: { in: ["EMAIL_CONFIRMATION", "EMAIL_BUILDER_NEW_BOOKING"] } },
        });
        expect(r.map((x) => x.status)).toEqual(["SENT", "SENT"]);
        return r;
      },
      { timeoutMs: 25_000 },
    );
    expect(rows.reduce((sum, r) => sum + r.attempts, 0)).toBe(5);
    const attempts = h.sendgrid.attempts.filter((a) => JSON.stringify(a.body).includes(booking.id));
    expect(attempts.map((a) => a.status).sort()).toEqual([202, 202, 503, 503, 503]);
    // Backoff: the attempts are spread out, not fired back to back.
    expect(attempts[4]!.at.getTime() - attempts[0]!.at.getTime()).toBeGreaterThan(2500);
    for (const r of rows) {
      const delivered = h.sendgrid.messages.filter((m) => (m.body.custom_args as Record<string, string>).outboxId === r.id);
      expect(delivered).toHaveLength(1);
      expect(delivered[0]?.messageId).toBe(r.providerMessageId);
      expect(r.lastStatusCode).toBe(202);
    }
    // The client's email carries their manage link, which works.
    const confirmation = rows.find((r) => r.kind === "EMAIL_CONFIRMATION")!;
    const html = JSON.stringify(h.sendgrid.messages.find((m) => m.messageId === confirmation.providerMessageId)?.body);
    expect(html).toContain(`/bookings/${booking.id}?token=${manageToken}`);
    expect((await h.db.booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe("CONFIRMED");
  });

  it("does not retry a 400: the message is recorded FAILED with SendGrid's error", async () => {
    h.sendgrid.failNext([400]);
    const { booking } = await freeBooking("bad-request@example.test");
    // Whichever of the booking's two emails went first met the 400.
    const row = await eventually(async () => h.db.outboxMessage.findFirstOrThrow({ where: { bookingId: booking.id, status: "FAILED" } }));
    expect(row.attempts).toBe(1);
    expect(row.lastStatusCode).toBe(400);
    expect(row.lastError).toMatch(/400/);
    // Give a (wrong) retry the time it would need, then check none happened.
    await new Promise((r) => setTimeout(r, 2500));
    const ofRow = (a: { body: unknown }) => (a.body as { custom_args?: Record<string, string> }).custom_args?.outboxId === row.id;
    expect(h.sendgrid.attempts.filter(ofRow)).toHaveLength(1);
    expect((await h.db.booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe("CONFIRMED");
  });

  it("sends the built-in text and HTML templates with the booking data", async () => {
    const { booking } = await freeBooking("content@example.test");
    const mail = await h.sendgrid.waitForMessage(
      (m) =>
        (m.body.custom_args as Record<string, string>).kind === "EMAIL_CONFIRMATION" &&
        JSON.stringify(m.body).includes("content@example.test"),
      10_000,
    );
    expect(mail.body).toMatchObject({
      from: { email: process.env.SENDGRID_FROM_EMAIL },
      subject: expect.stringMatching(/^Confirmed: Intro call with Mail Builder/),
      personalizations: [{ to: [{ email: "content@example.test", name: "Mail Client" }] }],
      custom_args: { bookingId: booking.id, kind: "EMAIL_CONFIRMATION" },
    });
    const content = (mail.body as { content: { type: string; value: string }[] }).content;
    expect(content.map((c) => c.type)).toEqual(["text/plain", "text/html"]);
  });
});
