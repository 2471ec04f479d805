import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BookingStatus, PaymentStatus } from "@/generated/prisma/enums";
import { startTestDb, type TestDb } from "@/testing/harness";
import { createBuilder, createSessionType, createUser } from "@/testing/factories";
import { applyCancellation } from "./apply-cancellation";
import { confirmBooking } from "./confirm-booking";
import { expireHolds } from "./expire-holds";
import { insertBooking } from "./insert-booking";
import { confirmPayment } from "./record-payment";
import { recordRefund } from "./record-refund";
import { refundKeptPayment } from "./refund-kept-payment";

let t: TestDb;
let builderId: string;
let sessionTypeId: string;
let adminId: string;

beforeAll(async () => {
  t = await startTestDb();
  const { profile } = await createBuilder(t.db);
  builderId = profile.id;
  sessionTypeId = (await createSessionType(t.db, profile.id, { priceCents: 5000 })).id;
  adminId = (await createUser(t.db, "ADMIN", "Operator")).id;
});
afterAll(async () => t.close());

const now = new Date();
const policy = { fullRefundHoursBefore: 24 };
let slot = 0;
function bookingData(extra: { holdExpiresAt?: Date | null } = {}) {
  const start = new Date(now.getTime() + (72 + 2 * slot++) * 3_600_000);
  const end = new Date(start.getTime() + 3_600_000);
  return {
    sessionTypeId,
    builderId,
    clientName: "History",
    clientEmail: "history@example.test",
    startTime: start,
    endTime: end,
    priceCents: 5000,
    currency: "usd",
    ...extra,
  };
}
async function bookingIn(status: BookingStatus, paymentStatus: PaymentStatus, extra: { holdExpiresAt?: Date | null } = {}) {
  const holdExpiresAt = status === "PENDING" ? new Date(now.getTime() + 30 * 60_000) : null;
  const row = await t.db.booking.create({
    data: { ...bookingData({ holdExpiresAt, ...extra }), status, paymentStatus, amountPaidCents: paymentStatus === "PAID" ? 5000 : null },
  });
  return row.id;
}
const history = (bookingId: string) =>
  t.db.bookingTransition.findMany({
    where: { bookingId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      transition: true,
      fromStatus: true,
      toStatus: true,
      fromPayment: true,
      toPayment: true,
      actorType: true,
      actorId: true,
      webhookEventId: true,
      cause: true,
    },
  });

describe("the lifecycle writers record every applied transition", () => {
  it("insert records the starting state and who created it, in the booking's transaction", async () => {
    const client = await createUser(t.db, "CLIENT", "Booker");
    const booking = await t.db.$transaction((tx) =>
      insertBooking(tx, {
        data: bookingData(),
        state: { status: "PENDING", paymentStatus: "UNPAID" },
        actor: { type: "CLIENT", id: client.id },
      }),
    );
    expect(await history(booking.id)).toEqual([
      {
        transition: "insert",
        fromStatus: null,
        toStatus: "PENDING",
        fromPayment: null,
        toPayment: "UNPAID",
        actorType: "CLIENT",
        actorId: client.id,
        webhookEventId: null,
        cause: null,
      },
    ]);
  });

  it("a payment then a refund: each row has the exact from/to states and its actor; a repeat that does not apply records nothing", async () => {
    const id = await bookingIn("PENDING", "FAILED");
    const stripe = { type: "STRIPE" as const, webhookEventId: "evt_row_1", cause: "checkout.session.completed" };
    expect(await t.db.$transaction((tx) => confirmPayment(tx, { bookingId: id, amountCents: 5000, actor: stripe }))).toBe("applied");
    expect(await t.db.$transaction((tx) => confirmPayment(tx, { bookingId: id, amountCents: 5000, actor: stripe }))).toBe("not-applied");
    expect(await t.db.$transaction((tx) => recordRefund(tx, { bookingId: id, refundedCents: 5000 }))).toBe("applied");
    expect(await history(id)).toEqual([
      {
        transition: "pay",
        fromStatus: "PENDING",
        toStatus: "CONFIRMED",
        fromPayment: "FAILED",
        toPayment: "PAID",
        actorType: "STRIPE",
        actorId: null,
        webhookEventId: "evt_row_1",
        cause: "checkout.session.completed",
      },
      {
        transition: "refund",
        fromStatus: "CONFIRMED",
        toStatus: "CONFIRMED",
        fromPayment: "PAID",
        toPayment: "REFUNDED",
        actorType: "SYSTEM",
        actorId: null,
        webhookEventId: null,
        cause: null,
      },
    ]);
  });

  it("confirm refused (payment still owed) writes no history; an unknown booking neither", async () => {
    const unpaid = await bookingIn("PENDING", "UNPAID");
    expect(await t.db.$transaction((tx) => confirmBooking(tx, { bookingId: unpaid, actor: { type: "ADMIN", id: adminId } }))).toBe(
      "not-applied",
    );
    expect(await history(unpaid)).toEqual([]);
    expect(await t.db.$transaction((tx) => confirmBooking(tx, { bookingId: "missing" }))).toBe("not-applied");
    expect(await t.db.bookingTransition.count({ where: { bookingId: "missing" } })).toBe(0);
  });

  it("cancellation by an admin with the refund choice: 'none' keeps the payment, then refundKept refunds part of it", async () => {
    const id = await bookingIn("CONFIRMED", "PAID");
    const admin = { type: "ADMIN" as const, id: adminId, cause: "client asked by phone" };
    const result = await t.db.$transaction((tx) =>
      applyCancellation(tx, {
        bookingId: id,
        now,
        by: "ADMIN",
        cause: "request",
        refundPolicy: policy,
        refundChoice: "none",
        actor: admin,
      }),
    );
    expect(result.outcome).toBe("applied");
    const again = await t.db.$transaction((tx) =>
      applyCancellation(tx, { bookingId: id, now, by: "ADMIN", cause: "request", refundPolicy: policy, actor: admin }),
    );
    expect(again.outcome).toBe("not-applied");
    expect(await t.db.$transaction((tx) => refundKeptPayment(tx, { bookingId: id, refundedCents: 1200, actor: admin }))).toBe("applied");
    expect(await t.db.$transaction((tx) => refundKeptPayment(tx, { bookingId: id, refundedCents: 1200, actor: admin }))).toBe(
      "not-applied",
    );
    expect(
      (await history(id)).map((h) => [h.transition, h.fromStatus, h.toStatus, h.fromPayment, h.toPayment, h.actorType, h.actorId]),
    ).toEqual([
      ["cancel", "CONFIRMED", "CANCELLED", "PAID", "PAID", "ADMIN", adminId],
      ["refundKept", "CANCELLED", "CANCELLED", "PAID", "REFUND_PENDING", "ADMIN", adminId],
    ]);
    expect(await t.db.booking.findUniqueOrThrow({ where: { id } })).toMatchObject({ refundedCents: 1200, paymentStatus: "REFUND_PENDING" });
  });

  it("expireHolds records one SYSTEM row per expired hold, none for holds still running", async () => {
    const past = new Date(now.getTime() - 1000);
    const expired = await bookingIn("PENDING", "FAILED", { holdExpiresAt: past });
    const running = await bookingIn("PENDING", "UNPAID");
    expect(await t.db.$transaction((tx) => expireHolds(tx, { now, builderId }))).toBe(1);
    expect(await history(expired)).toEqual([
      {
        transition: "expireHold",
        fromStatus: "PENDING",
        toStatus: "CANCELLED",
        fromPayment: "FAILED",
        toPayment: "FAILED",
        actorType: "SYSTEM",
        actorId: null,
        webhookEventId: null,
        cause: null,
      },
    ]);
    expect(await history(running)).toEqual([]);
  });

  it("of concurrent payments exactly one records a transition", async () => {
    const id = await bookingIn("PENDING", "UNPAID");
    const results = await Promise.all(
      Array.from({ length: 5 }, () => t.db.$transaction((tx) => confirmPayment(tx, { bookingId: id, amountCents: 5000 }))),
    );
    expect(results.filter((r) => r === "applied")).toHaveLength(1);
    expect(await history(id)).toHaveLength(1);
  });
});
