import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, startTestDb, useProviderBases, type TestDb } from "@/testing/harness";
import { createBuilder, createSessionType, createUser, futureHour } from "@/testing/factories";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
  // Nothing listens on port 9: every provider call fails at the network level.
  useProviderBases({ stripe: "http://127.0.0.1:9", calendly: "http://127.0.0.1:9", sendgrid: "http://127.0.0.1:9" });
});
afterAll(async () => t.close());

describe("a provider outage on the request path", () => {
  it("keeps a paid booking's hold and sends the client to the booking page to complete payment later", async () => {
    const client = await createUser(t.db);
    const { profile } = await createBuilder(t.db);
    const type = await createSessionType(t.db, profile.id, { priceCents: 2500 });
    const created = await callerFor(t.db, client.id).booking.create({ sessionTypeId: type.id, startTime: futureHour(4) });
    expect(created.booking).toMatchObject({ status: "PENDING", paymentStatus: "UNPAID" });
    expect(created.next.kind).toBe("payment-pending");
    expect(created.next.kind !== "confirmed" && created.next.url).toContain(`/bookings/${created.booking.id}`);
    await expect(callerFor(t.db, client.id).booking.checkout({ id: created.booking.id })).rejects.toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      message: expect.stringMatching(/Stripe is not reachable/),
    });
  });

  it("answers slot.list for a Calendly-mapped session type with a 503 and a plain message, never a 500", async () => {
    const { profile } = await createBuilder(t.db);
    const type = await createSessionType(t.db, profile.id, {
      calendlyEventTypeUri: "https://api.calendly.com/event_types/X",
      calendlySchedulingUrl: "https://calendly.com/x/y",
    });
    const day = futureHour(3).toISOString().slice(0, 10);
    await expect(
      callerFor(t.db).slot.list({ sessionTypeId: type.id, startDate: day, endDate: day, timeZone: "UTC" }),
    ).rejects.toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      message: expect.stringMatching(/Calendly is not reachable/),
    });
  });
});
