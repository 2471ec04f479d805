// Runtime levers through admin.levers / admin.setLever: admins only (role re-read from the
// database), every change audited in the lever's own transaction, and BOOKINGS_CLOSED refusing
// new bookings before anything is written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOOKINGS_CLOSED_MESSAGE, RESCHEDULES_CLOSED_MESSAGE } from "@/modules/levers/assert-bookings-open";
import { setLever } from "@/modules/levers/set-lever";
import { createBuilder, createSessionType, createUser, futureHour } from "@/testing/factories";
import { callerFor, startTestDb, type TestDb } from "@/testing/harness";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => t.close());

const written = async () => ({ levers: await t.db.runtimeLever.count(), audits: await t.db.auditLog.count() });

describe("admin levers", () => {
  it("refuses clients, builders and anonymous callers, and writes nothing", async () => {
    const client = await createUser(t.db);
    const { user: builder } = await createBuilder(t.db);
    const input = { lever: "BOOKINGS_CLOSED" as const, value: true, reason: "incident 42" };
    for (const userId of [client.id, builder.id]) {
      await expect(callerFor(t.db, userId).admin.levers()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(callerFor(t.db, userId).admin.setLever(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(callerFor(t.db).admin.levers()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerFor(t.db).admin.setLever(input)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    // The role is read from the database per call: a demoted admin is refused at once.
    const demoted = await createUser(t.db, "ADMIN");
    await t.db.user.update({ where: { id: demoted.id }, data: { role: "CLIENT" } });
    await expect(callerFor(t.db, demoted.id).admin.setLever(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await written()).toEqual({ levers: 0, audits: 0 });
  });

  it("lists the defaults, then sets a lever with one audit row carrying before, after and the reason", async () => {
    const admin = await createUser(t.db, "ADMIN", "Ops Admin");
    const asAdmin = callerFor(t.db, admin.id).admin;
    const initial = await asAdmin.levers();
    expect(initial.map((l) => [l.name, l.value, l.updatedAt])).toEqual([
      ["WEBHOOKS_PAUSED", false, null],
      ["EMAIL_SENDING_PAUSED", false, null],
      ["BOOKINGS_CLOSED", false, null],
      ["MANUAL_BOOKING_MODE", false, null],
    ]);

    expect(await asAdmin.setLever({ lever: "EMAIL_SENDING_PAUSED", value: true, reason: "  SendGrid bouncing  " })).toMatchObject({
      changed: true,
    });
    const audits = await t.db.auditLog.findMany();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorId: admin.id,
      action: "lever.set",
      targetType: "RuntimeLever",
      targetId: "EMAIL_SENDING_PAUSED",
      reason: "SendGrid bouncing",
      before: { value: false, stored: false },
      after: { value: true, stored: true },
    });
    const lever = (await asAdmin.levers()).find((l) => l.name === "EMAIL_SENDING_PAUSED");
    expect(lever).toMatchObject({ value: true, updatedBy: { id: admin.id, name: "Ops Admin" } });
    expect(lever?.updatedAt).toBeInstanceOf(Date);

    // Setting the same value again is still recorded (documented in docs/decisions/0021).
    expect(await asAdmin.setLever({ lever: "EMAIL_SENDING_PAUSED", value: true, reason: "still bouncing" })).toMatchObject({
      changed: false,
    });
    const again = await t.db.auditLog.findFirstOrThrow({ where: { reason: "still bouncing" } });
    expect(again).toMatchObject({ before: { value: true, stored: true }, after: { value: true, stored: true } });
    await asAdmin.setLever({ lever: "EMAIL_SENDING_PAUSED", value: false, reason: "resolved" });
  });

  it("requires a reason of at least 3 characters", async () => {
    const admin = await createUser(t.db, "ADMIN");
    const before = await written();
    for (const reason of ["", "   ", "ok"]) {
      await expect(callerFor(t.db, admin.id).admin.setLever({ lever: "WEBHOOKS_PAUSED", value: true, reason })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    }
    expect(await written()).toEqual(before);
  });

  it("writes the lever and its audit row in one transaction: a failing audit leaves the lever untouched", async () => {
    const admin = await createUser(t.db, "ADMIN");
    const before = await written();
    const base = { db: t.db, lever: "WEBHOOKS_PAUSED" as const, value: true, fallback: false, now: new Date() };
    // The lever row is written first; the audit insert then fails (blank reason), so both roll back.
    await expect(setLever({ ...base, actorId: admin.id, reason: "   " })).rejects.toThrow(/reason/);
    // An actor that does not exist: refused by the foreign keys.
    await expect(setLever({ ...base, actorId: "no-such-user", reason: "a reason" })).rejects.toThrow();
    expect(await written()).toEqual(before);
    expect(await t.db.runtimeLever.findUnique({ where: { name: "WEBHOOKS_PAUSED" } })).toBeNull();
    // The database refuses a blank reason on its own too.
    await expect(
      t.db.auditLog.create({ data: { actorId: admin.id, action: "x", targetType: "x", targetId: "x", reason: " " } }),
    ).rejects.toThrow();
  });

  it("refuses new bookings and moves while BOOKINGS_CLOSED is on, with a clear 409, and takes them again once reopened", async () => {
    const admin = callerFor(t.db, (await createUser(t.db, "ADMIN")).id).admin;
    const { profile } = await createBuilder(t.db);
    const type = await createSessionType(t.db, profile.id);
    const existing = await callerFor(t.db).booking.create({
      sessionTypeId: type.id,
      startTime: futureHour(20),
      clientName: "Early Client",
      clientEmail: "early@example.test",
    });
    const input = { sessionTypeId: type.id, startTime: futureHour(21), clientName: "Late Client", clientEmail: "late@example.test" };

    await admin.setLever({ lever: "BOOKINGS_CLOSED", value: true, reason: "maintenance window" });
    await expect(callerFor(t.db).booking.create(input)).rejects.toMatchObject({ code: "CONFLICT", message: BOOKINGS_CLOSED_MESSAGE });
    expect(await t.db.booking.count({ where: { clientEmail: "late@example.test" } })).toBe(0);
    // Existing bookings are untouched and still readable, but not moved: a move takes a new time.
    await expect(
      callerFor(t.db).booking.reschedule({ id: existing.booking.id, manageToken: existing.manageToken!, newStartTime: futureHour(22) }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: RESCHEDULES_CLOSED_MESSAGE });
    expect(await t.db.booking.findUniqueOrThrow({ where: { id: existing.booking.id } })).toMatchObject({ status: existing.booking.status });
    expect(await t.db.booking.count({ where: { rescheduledFromId: existing.booking.id } })).toBe(0);

    await admin.setLever({ lever: "BOOKINGS_CLOSED", value: false, reason: "maintenance done" });
    const reopened = await callerFor(t.db).booking.create(input);
    expect(await t.db.booking.count({ where: { id: reopened.booking.id } })).toBe(1);
  });
});
