import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBuilder, createSessionType, futureHour } from "@/testing/factories";
import { callerFor, startTestDb, type TestDb } from "@/testing/harness";
import { flagAttention, MAX_ATTENTION_REASON_LENGTH } from "./flag-attention";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => t.close());

let day = 20;
async function freeBooking() {
  const { profile } = await createBuilder(t.db);
  const type = await createSessionType(t.db, profile.id);
  const { booking } = await callerFor(t.db).booking.create({
    sessionTypeId: type.id,
    startTime: futureHour(day++),
    clientName: "Flag Client",
    clientEmail: `flag-${day}@example.com`,
  });
  return t.db.booking.findUniqueOrThrow({ where: { id: booking.id } });
}

const read = (id: string) => t.db.booking.findUniqueOrThrow({ where: { id } });

describe("flagAttention", () => {
  it("raises a flag with its reason and time, and touches nothing else", async () => {
    const before = await freeBooking();
    const at = new Date("2026-12-01T10:00:00Z");
    expect(await flagAttention(t.db, { bookingId: before.id, reason: "  Something is off.  ", now: at })).toBe("flagged");
    const after = await read(before.id);
    // Prisma's @updatedAt moves with any update; every other column is as it was.
    expect(after).toEqual({ ...before, attentionReason: "Something is off.", attentionRaisedAt: at, updatedAt: after.updatedAt });
  });

  it("repeats nothing for the same reason, appends a different one and keeps the first time", async () => {
    const { id } = await freeBooking();
    const first = new Date("2026-12-01T10:00:00Z");
    await flagAttention(t.db, { bookingId: id, reason: "First reason.", now: first });
    expect(await flagAttention(t.db, { bookingId: id, reason: "First reason.", now: new Date() })).toBe("already-flagged");
    expect(await flagAttention(t.db, { bookingId: id, reason: "Second reason.", now: new Date() })).toBe("appended");
    expect(await flagAttention(t.db, { bookingId: id, reason: "Second reason.", now: new Date() })).toBe("already-flagged");
    expect(await read(id)).toMatchObject({ attentionReason: "First reason.\nSecond reason.", attentionRaisedAt: first });
  });

  it("dates a flag raised earlier without a time, caps the text, and reports an unknown booking", async () => {
    const { id } = await freeBooking();
    await t.db.booking.update({ where: { id }, data: { attentionReason: "Set by an older path." } });
    const at = new Date("2026-12-02T08:00:00Z");
    await flagAttention(t.db, { bookingId: id, reason: "x".repeat(5000), now: at });
    const flagged = await read(id);
    expect(flagged.attentionRaisedAt).toEqual(at);
    expect(flagged.attentionReason?.startsWith("Set by an older path.\nxxx")).toBe(true);
    expect(flagged.attentionReason).toHaveLength(MAX_ATTENTION_REASON_LENGTH);

    expect(await flagAttention(t.db, { bookingId: "no-such-booking", reason: "Anything." })).toBe("unknown-booking");
    await expect(flagAttention(t.db, { bookingId: id, reason: "   " })).rejects.toThrow(/needs a reason/);
  });

  it("concurrent flags with different reasons keep both", async () => {
    const { id } = await freeBooking();
    const reasons = ["A.", "B.", "C.", "D."];
    await Promise.all(reasons.map((reason) => flagAttention(t.db, { bookingId: id, reason })));
    expect((await read(id)).attentionReason?.split("\n").sort()).toEqual(reasons);
  });
});
