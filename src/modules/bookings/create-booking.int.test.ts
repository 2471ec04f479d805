import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { callerFor, startTestDb, type TestDb } from "@/testing/harness";
import { createBuilder, createSessionType, createUser, futureHour } from "@/testing/factories";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => t.close());

describe("booking.create against real PostgreSQL", () => {
  it("lets exactly one of 20 concurrent requests take a slot; the other 19 get a clean 409", async () => {
    const { profile } = await createBuilder(t.db);
    const type = await createSessionType(t.db, profile.id);
    const start = futureHour(3);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        callerFor(t.db).booking.create({
          sessionTypeId: type.id,
          startTime: start,
          clientName: `Racer ${i}`,
          clientEmail: `racer${i}@example.test`,
        }),
      ),
    );
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(19);
    for (const r of rejected) {
      expect(r.reason).toBeInstanceOf(TRPCError);
      expect((r.reason as TRPCError).code).toBe("CONFLICT");
      expect((r.reason as TRPCError).message).toBe("Slot no longer available");
    }
    const live = await t.db.booking.count({ where: { sessionTypeId: type.id, status: { in: ["PENDING", "CONFIRMED"] } } });
    expect(live).toBe(1);
    expect(await t.db.booking.count({ where: { sessionTypeId: type.id } })).toBe(1);
  });

  it("has the exclusion constraint in the database, so even a direct insert cannot overlap", async () => {
    const constraint = await t.db.$queryRaw<{ contype: string }[]>`
      SELECT contype::text FROM pg_constraint WHERE conname = 'Booking_no_overlap'`;
    expect(constraint).toEqual([{ contype: "x" }]);
    const { profile } = await createBuilder(t.db);
    const type = await createSessionType(t.db, profile.id);
    const start = futureHour(4);
    const row = (offsetMin: number) => ({
      sessionTypeId: type.id,
      builderId: profile.id,
      clientName: "Direct",
      clientEmail: "direct@example.test",
      startTime: new Date(start.getTime() + offsetMin * 60_000),
      endTime: new Date(start.getTime() + (offsetMin + 60) * 60_000),
      status: "CONFIRMED" as const,
      paymentStatus: "NOT_REQUIRED" as const,
      priceCents: 0,
      currency: "usd",
    });
    await t.db.booking.create({ data: row(0) });
    await expect(t.db.booking.create({ data: row(30) })).rejects.toThrow();
    // Back-to-back is fine: the range is half-open.
    await expect(t.db.booking.create({ data: row(60) })).resolves.toBeTruthy();
  });

  it("confirms a free booking at once and holds a paid one for 30 minutes", async () => {
    const { profile } = await createBuilder(t.db);
    const free = await createSessionType(t.db, profile.id);
    const booked = await callerFor(t.db).booking.create({
      sessionTypeId: free.id,
      startTime: futureHour(5),
      clientName: "Ann",
      clientEmail: "ann@example.test",
    });
    expect(booked.booking.status).toBe("CONFIRMED");
    expect(booked.booking.paymentStatus).toBe("NOT_REQUIRED");
    expect(booked.next).toEqual({ kind: "confirmed" });
    expect(booked.manageToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const outbox = await t.db.outboxMessage.findMany({ where: { bookingId: booked.booking.id } });
    expect(outbox.map((m) => m.kind).sort()).toEqual([
      "EMAIL_BUILDER_NEW_BOOKING",
      "EMAIL_CONFIRMATION",
      "EMAIL_REMINDER_BUILDER",
      "EMAIL_REMINDER_CLIENT",
    ]);
  });

  it("refuses a paid session to an anonymous client with 401 and writes nothing", async () => {
    const { profile } = await createBuilder(t.db);
    const paid = await createSessionType(t.db, profile.id, { priceCents: 5000 });
    await expect(
      callerFor(t.db).booking.create({
        sessionTypeId: paid.id,
        startTime: futureHour(5),
        clientName: "Ann",
        clientEmail: "ann@example.test",
      }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await t.db.booking.count({ where: { sessionTypeId: paid.id } })).toBe(0);
  });

  it("lets an expired hold's slot be booked again, cancelling the stale hold in the same transaction", async () => {
    const { profile } = await createBuilder(t.db);
    const type = await createSessionType(t.db, profile.id);
    const start = futureHour(6);
    const stale = await t.db.booking.create({
      data: {
        sessionTypeId: type.id,
        builderId: profile.id,
        clientName: "Stale",
        clientEmail: "stale@example.test",
        startTime: start,
        endTime: new Date(start.getTime() + 3_600_000),
        status: "PENDING",
        paymentStatus: "UNPAID",
        priceCents: 0,
        currency: "usd",
        holdExpiresAt: new Date(Date.now() - 1000),
      },
    });
    const fresh = await callerFor(t.db).booking.create({
      sessionTypeId: type.id,
      startTime: start,
      clientName: "Fresh",
      clientEmail: "fresh@example.test",
    });
    expect(fresh.booking.status).toBe("CONFIRMED");
    const after = await t.db.booking.findUniqueOrThrow({ where: { id: stale.id } });
    expect(after.status).toBe("CANCELLED");
    expect(after.cancellationReason).toBe("PAYMENT_EXPIRED");
  });

  it("rejects a time the builder does not offer with 422", async () => {
    const { profile } = await createBuilder(t.db, { hours: [9 * 60, 17 * 60] });
    const type = await createSessionType(t.db, profile.id);
    await expect(
      callerFor(t.db).booking.create({
        sessionTypeId: type.id,
        startTime: futureHour(5, 20),
        clientName: "Late",
        clientEmail: "late@example.test",
      }),
    ).rejects.toMatchObject({ code: "UNPROCESSABLE_CONTENT" });
  });

  it("uses the signed-in client's name and email and lists the booking under booking.mine", async () => {
    const client = await createUser(t.db, "CLIENT", "Signed In");
    const { profile } = await createBuilder(t.db);
    const type = await createSessionType(t.db, profile.id);
    const created = await callerFor(t.db, client.id).booking.create({ sessionTypeId: type.id, startTime: futureHour(7) });
    expect(created.booking.clientEmail).toBe(client.email);
    expect(created.manageToken).toBeNull();
    const mine = await callerFor(t.db, client.id).booking.mine();
    expect(mine.map((b) => b.id)).toEqual([created.booking.id]);
  });
});
