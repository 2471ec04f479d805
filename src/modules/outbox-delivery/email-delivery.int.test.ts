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
  it("retries 503 three times with backoff, then delivers exactly one email; the booking stays CONFIRMED", async () => {
    h.sendgrid.failNext([503, 503, 503]);
    const { booking, manageToken } = await freeBooking("retry@example.test");
    const row = await eventually(
      async () => {
        const r = await h.db.outboxMessage.findFirstOrThrow({ where: { bookingId: booking.id, kind: "EMAIL_CONFIRMATION" } });
        expect(r.status).toBe("SENT");
        return r;
      },
      { timeoutMs: 25_000 },
    );
    expect(row.attempts).toBe(4);
    expect(row.providerMessageId).toBeTruthy();
    expect(row.lastStatusCode).toBe(202);
    const attempts = h.sendgrid.attempts.filter((a) => JSON.stringify(a.body).includes("retry@example.test"));
    expect(attempts.map((a) => a.status)).toEqual([503, 503, 503, 202]);
    // Backoff: the attempts are spread out, not fired back to back.
    expect(attempts[3]!.at.getTime() - attempts[0]!.at.getTime()).toBeGreaterThan(2500);
    const delivered = h.sendgrid.messages.filter((m) => JSON.stringify(m.body).includes("retry@example.test"));
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.messageId).toBe(row.providerMessageId);
    // The email carries the client's manage link, which works.
    const html = JSON.stringify(delivered[0]?.body);
    expect(html).toContain(`/bookings/${booking.id}?token=${manageToken}`);
    expect((await h.db.booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe("CONFIRMED");
  });

  it("does not retry a 400: the message is recorded FAILED with SendGrid's error", async () => {
    h.sendgrid.failNext([400]);
    const { booking } = await freeBooking("bad-request@example.test");
    const row = await eventually(async () => {
      const r = await h.db.outboxMessage.findFirstOrThrow({ where: { bookingId: booking.id } });
      expect(r.status).toBe("FAILED");
      return r;
    });
    expect(row.attempts).toBe(1);
    expect(row.lastStatusCode).toBe(400);
    expect(row.lastError).toMatch(/400/);
    // Give a (wrong) retry the time it would need, then check none happened.
    await new Promise((r) => setTimeout(r, 2500));
    expect(h.sendgrid.attempts.filter((a) => JSON.stringify(a.body).includes("bad-request@example.test"))).toHaveLength(1);
    expect((await h.db.booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe("CONFIRMED");
  });

  it("sends the built-in text and HTML templates with the booking data", async () => {
    const { booking } = await freeBooking("content@example.test");
    const mail = await h.sendgrid.waitForMessage((m) => JSON.stringify(m.body).includes("content@example.test"), 10_000);
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
