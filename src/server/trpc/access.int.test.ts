import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, startTestDb, type TestDb } from "@/testing/harness";
import { createBuilder, createSessionType, createUser, futureHour } from "@/testing/factories";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => t.close());

const availability = {
  timeZone: "Europe/Berlin",
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 15,
  minimumNoticeMinutes: 60,
  bookingWindowDays: 30,
  rules: [{ weekday: 1, startMinute: 540, endMinute: 1020 }],
  overrides: [{ date: "2026-12-24", kind: "CLOSED" as const, startMinute: null, endMinute: null }],
};

describe("authorization through the procedure ladder", () => {
  it("keeps a builder out of another builder's session types (404) and availability", async () => {
    const a = await createBuilder(t.db);
    const b = await createBuilder(t.db);
    const typeOfA = await createSessionType(t.db, a.profile.id);
    const asB = callerFor(t.db, b.user.id);
    await expect(asB.sessionType.update({ id: typeOfA.id, title: "Hijacked" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(asB.sessionType.archive({ id: typeOfA.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const untouched = await t.db.sessionType.findUniqueOrThrow({ where: { id: typeOfA.id } });
    expect(untouched.title).toBe(typeOfA.title);
    expect(untouched.active).toBe(true);

    // availability.update has no builder id in its input: B can only ever write B's own.
    await asB.availability.update(availability);
    const aRules = await t.db.availabilityRule.count({ where: { builderId: a.profile.id } });
    expect(aRules).toBe(7);
    expect((await asB.availability.get()).timeZone).toBe("Europe/Berlin");
    expect((await callerFor(t.db, a.user.id).availability.get()).timeZone).toBe("UTC");
  });

  it("forbids builder procedures to clients (403) and everything signed-in to anonymous users (401)", async () => {
    const client = await createUser(t.db);
    await expect(callerFor(t.db, client.id).sessionType.mine()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(t.db, client.id).availability.get()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(t.db).booking.mine()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(
      callerFor(t.db).sessionType.create({
        title: "x y",
        slug: "xy",
        description: "",
        durationMinutes: 30,
        priceCents: 0,
        currency: "usd",
      }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("lets a builder create, update and archive their own session types", async () => {
    const { user } = await createBuilder(t.db);
    const me = callerFor(t.db, user.id);
    const created = await me.sessionType.create({
      title: "Code review",
      slug: "code-review",
      description: "One hour",
      durationMinutes: 60,
      priceCents: 9900,
      currency: "usd",
    });
    expect(created.active).toBe(true);
    await expect(
      me.sessionType.create({ title: "Again", slug: "code-review", description: "", durationMinutes: 30, priceCents: 0, currency: "usd" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await me.sessionType.update({ id: created.id, priceCents: 12000 })).priceCents).toBe(12000);
    expect((await me.sessionType.archive({ id: created.id })).active).toBe(false);
  });

  it("does not show one client's booking to another client, but shows it to its builder, an admin and the token holder", async () => {
    const owner = await createUser(t.db);
    const stranger = await createUser(t.db);
    const admin = await createUser(t.db, "ADMIN");
    const { user: builderUser, profile } = await createBuilder(t.db);
    const type = await createSessionType(t.db, profile.id);
    const { booking } = await callerFor(t.db, owner.id).booking.create({ sessionTypeId: type.id, startTime: futureHour(8) });

    await expect(callerFor(t.db, stranger.id).booking.byId({ id: booking.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(t.db, stranger.id).booking.cancel({ id: booking.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(t.db).booking.byId({ id: booking.id, manageToken: "x".repeat(32) })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await callerFor(t.db, owner.id).booking.byId({ id: booking.id })).id).toBe(booking.id);
    expect((await callerFor(t.db, builderUser.id).booking.byId({ id: booking.id })).id).toBe(booking.id);
    expect((await callerFor(t.db, admin.id).booking.byId({ id: booking.id })).id).toBe(booking.id);

    const guest = await callerFor(t.db).booking.create({
      sessionTypeId: type.id,
      startTime: futureHour(9),
      clientName: "Guest",
      clientEmail: "guest@example.test",
    });
    const token = guest.manageToken ?? "";
    expect((await callerFor(t.db).booking.byId({ id: guest.booking.id, manageToken: token })).clientName).toBe("Guest");
    const cancelled = await callerFor(t.db).booking.cancel({ id: guest.booking.id, manageToken: token, reason: "Plans changed" });
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.cancelledBy).toBe("CLIENT");
    await expect(callerFor(t.db).booking.cancel({ id: guest.booking.id, manageToken: token })).rejects.toMatchObject({ code: "CONFLICT" });
    // Owed now: both sides hear of the confirmation and of the cancellation. The reminders
    // written with the confirmation wait for their day (and are dropped then: it is cancelled).
    const rows = await t.db.outboxMessage.findMany({ where: { bookingId: guest.booking.id } });
    const kinds = (due: boolean) =>
      rows
        .filter((r) => r.availableAt.getTime() <= Date.now() === due)
        .map((r) => r.kind)
        .sort();
    expect(kinds(true)).toEqual(["EMAIL_BUILDER_CANCELLATION", "EMAIL_BUILDER_NEW_BOOKING", "EMAIL_CANCELLATION", "EMAIL_CONFIRMATION"]);
    expect(kinds(false)).toEqual(["EMAIL_REMINDER_BUILDER", "EMAIL_REMINDER_CLIENT"]);
  });

  it("hides unpublished builders from the marketplace and their profile page", async () => {
    const hidden = await createBuilder(t.db, { published: false, displayName: "Hidden Person" });
    // Bookable but unpublished: only the published flag keeps it out of the list.
    await createSessionType(t.db, hidden.profile.id);
    await expect(callerFor(t.db).builder.bySlug({ slug: hidden.profile.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const page = await callerFor(t.db).builder.list({ q: "Hidden Person" });
    expect(page.items).toEqual([]);
  });
});
