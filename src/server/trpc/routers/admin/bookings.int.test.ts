// The console's bookings, outbox and audit procedures: admins only, every manual action through
// the lifecycle writers with exactly one audit row in its transaction, refusals that write nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BookingStatus, OutboxKind, OutboxStatus, PaymentStatus } from "@/generated/prisma/enums";
import { createBuilder, createSessionType, createUser } from "@/testing/factories";
import { callerFor, startTestDb, type TestDb } from "@/testing/harness";

let t: TestDb;
let builderId: string;
let builderName: string;
let sessionTypeId: string;
let adminId: string;

beforeAll(async () => {
  t = await startTestDb();
  const { profile } = await createBuilder(t.db, { displayName: "Console Builder" });
  builderId = profile.id;
  builderName = profile.displayName;
  sessionTypeId = (await createSessionType(t.db, profile.id, { priceCents: 5000 })).id;
  adminId = (await createUser(t.db, "ADMIN", "Operator")).id;
});
afterAll(async () => t.close());

const admin = () => callerFor(t.db, adminId).admin;
let slot = 0;
/** A booking in any state, written directly (the procedures are under test), starting `daysAhead` days out. */
async function bookingIn(
  status: BookingStatus,
  paymentStatus: PaymentStatus,
  extra: { daysAhead?: number; clientEmail?: string; attentionReason?: string; stripePaymentIntentId?: string } = {},
) {
  const start = new Date(Date.now() + (extra.daysAhead ?? 5) * 86_400_000 + slot++ * 7_200_000);
  const row = await t.db.booking.create({
    data: {
      sessionTypeId,
      builderId,
      clientName: "Console Client",
      clientEmail: extra.clientEmail ?? `client-${slot}@example.test`,
      startTime: start,
      endTime: new Date(start.getTime() + 3_600_000),
      priceCents: 5000,
      currency: "usd",
      status,
      paymentStatus,
      holdExpiresAt: status === "PENDING" ? new Date(Date.now() + 30 * 60_000) : null,
      amountPaidCents: paymentStatus === "PAID" ? 5000 : null,
      stripePaymentIntentId: extra.stripePaymentIntentId ?? (paymentStatus === "PAID" ? `pi_console_${slot}` : null),
      attentionReason: extra.attentionReason ?? null,
      attentionRaisedAt: extra.attentionReason ? new Date() : null,
    },
  });
  return row.id;
}
async function outboxRow(bookingId: string, kind: OutboxKind, status: OutboxStatus, attempts = 1) {
  return (await t.db.outboxMessage.create({ data: { bookingId, kind, status, attempts, lastError: status === "FAILED" ? "boom" : null } }))
    .id;
}
const stateOf = (id: string) =>
  t.db.booking.findUniqueOrThrow({
    where: { id },
    select: { status: true, paymentStatus: true, refundedCents: true, attentionReason: true },
  });
const auditsOf = (targetId: string) => t.db.auditLog.findMany({ where: { targetId } });
const kinds = async (bookingId: string) =>
  (await t.db.outboxMessage.findMany({ where: { bookingId }, select: { kind: true } })).map((o) => o.kind).sort();
const counts = async () => ({
  audits: await t.db.auditLog.count(),
  transitions: await t.db.bookingTransition.count(),
  outbox: await t.db.outboxMessage.count(),
});

describe("admin console: who may call it", () => {
  it("refuses clients, builders and anonymous callers on every procedure, and writes nothing", async () => {
    const id = await bookingIn("PENDING", "NOT_REQUIRED", { attentionReason: "check me" });
    const outboxId = await outboxRow(id, "EMAIL_CONFIRMATION", "FAILED");
    const before = { ...(await counts()), state: await stateOf(id) };
    const reason = "not allowed";
    const client = await createUser(t.db);
    const { user: builder } = await createBuilder(t.db);
    const callers = [
      [callerFor(t.db, client.id).admin, "FORBIDDEN"],
      [callerFor(t.db, builder.id).admin, "FORBIDDEN"],
      [callerFor(t.db).admin, "UNAUTHORIZED"],
    ] as const;
    for (const [a, code] of callers) {
      const calls = [
        () => a.bookings.list({}),
        () => a.bookings.byId({ id }),
        () => a.bookings.confirm({ id, reason }),
        () => a.bookings.cancel({ id, refund: "full", reason }),
        () => a.bookings.refund({ id, mode: "full", reason }),
        () => a.bookings.resendEmail({ id, outboxId, reason }),
        () => a.bookings.resolveAttention({ id, reason }),
        () => a.outbox.list({}),
        () => a.outbox.retry({ outboxId, reason }),
        () => a.outbox.abandon({ outboxId, reason }),
        () => a.audit.list({}),
      ];
      for (const call of calls) await expect(call()).rejects.toMatchObject({ code });
    }
    expect({ ...(await counts()), state: await stateOf(id) }).toEqual(before);
    expect((await t.db.outboxMessage.findUniqueOrThrow({ where: { id: outboxId } })).status).toBe("FAILED");
  });
});

describe("admin console: manual actions", () => {
  it("confirm: a pending booking that owes no payment, through the lifecycle, with one audit row and its history", async () => {
    const id = await bookingIn("PENDING", "NOT_REQUIRED");
    const result = await admin().bookings.confirm({ id, reason: "Calendly event lost" });
    expect(result).toMatchObject({ status: "CONFIRMED", paymentStatus: "NOT_REQUIRED" });
    const audits = await auditsOf(id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      id: result.auditId,
      actorId: adminId,
      action: "booking.confirm",
      targetType: "Booking",
      reason: "Calendly event lost",
      before: { status: "PENDING", paymentStatus: "NOT_REQUIRED" },
      after: { status: "CONFIRMED", paymentStatus: "NOT_REQUIRED" },
    });
    expect(await t.db.bookingTransition.findMany({ where: { bookingId: id } })).toMatchObject([
      { transition: "confirm", fromStatus: "PENDING", toStatus: "CONFIRMED", actorType: "ADMIN", actorId: adminId },
    ]);
    expect(await kinds(id)).toContain("EMAIL_CONFIRMATION");
  });

  it("refuses an action in the wrong state with a 409 and a clear message, writing nothing", async () => {
    const unpaid = await bookingIn("PENDING", "UNPAID");
    const cancelled = await bookingIn("CANCELLED", "UNPAID");
    const confirmed = await bookingIn("CONFIRMED", "PAID");
    const before = await counts();
    await expect(admin().bookings.confirm({ id: unpaid, reason: "try it" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("owes no payment") as unknown,
    });
    await expect(admin().bookings.cancel({ id: cancelled, refund: "full", reason: "again" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This booking is already cancelled",
    });
    await expect(admin().bookings.refund({ id: confirmed, mode: "full", reason: "refund it" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("Cancel the booking first") as unknown,
    });
    await expect(admin().bookings.refund({ id: unpaid, mode: "full", reason: "refund it" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(admin().bookings.resolveAttention({ id: unpaid, reason: "nothing" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(admin().bookings.confirm({ id: "no-such-booking", reason: "missing" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(admin().bookings.confirm({ id: unpaid, reason: "no" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await counts()).toEqual(before);
    expect(await stateOf(unpaid)).toMatchObject({ status: "PENDING", paymentStatus: "UNPAID" });
    expect(await stateOf(confirmed)).toMatchObject({ status: "CONFIRMED", paymentStatus: "PAID" });
  });

  it("cancel with a full refund: cancelled, refund pending for the amount paid, the refund call owed; one audit row", async () => {
    const id = await bookingIn("CONFIRMED", "PAID", { daysAhead: 0.5 });
    const result = await admin().bookings.cancel({ id, refund: "full", reason: "Builder is ill" });
    expect(result).toMatchObject({ status: "CANCELLED", paymentStatus: "REFUND_PENDING" });
    expect(await stateOf(id)).toMatchObject({ refundedCents: 5000 });
    expect(await kinds(id)).toEqual(expect.arrayContaining(["EMAIL_CANCELLATION", "STRIPE_REFUND"]));
    const audits = await auditsOf(id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: "booking.cancel",
      before: { status: "CONFIRMED", paymentStatus: "PAID" },
      after: { status: "CANCELLED", paymentStatus: "REFUND_PENDING", refundChoice: "full", cancelledBy: "ADMIN" },
    });
    expect(await t.db.bookingTransition.findFirst({ where: { bookingId: id } })).toMatchObject({
      transition: "cancelAndRefund",
      actorType: "ADMIN",
    });
  });

  it("cancel choosing the policy (inside the full-refund window: nothing back) or none keeps the payment, then refund gives part back", async () => {
    const late = await bookingIn("CONFIRMED", "PAID", { daysAhead: 0.25 });
    expect(await admin().bookings.cancel({ id: late, refund: "policy", reason: "late cancel by phone" })).toMatchObject({
      status: "CANCELLED",
      paymentStatus: "PAID",
    });
    expect(await kinds(late)).not.toContain("STRIPE_REFUND");

    const kept = await bookingIn("CONFIRMED", "PAID");
    expect(await admin().bookings.cancel({ id: kept, refund: "none", reason: "no-show agreed" })).toMatchObject({
      status: "CANCELLED",
      paymentStatus: "PAID",
    });
    expect(await kinds(kept)).not.toContain("STRIPE_REFUND");
    await expect(admin().bookings.refund({ id: kept, mode: "amount", amountCents: 9000, reason: "goodwill" })).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
    });
    await expect(admin().bookings.refund({ id: kept, mode: "amount", reason: "goodwill" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await admin().bookings.refund({ id: kept, mode: "amount", amountCents: 2000, reason: "goodwill" })).toMatchObject({
      status: "CANCELLED",
      paymentStatus: "REFUND_PENDING",
    });
    expect(await stateOf(kept)).toMatchObject({ refundedCents: 2000 });
    expect(await kinds(kept)).toContain("STRIPE_REFUND");
    expect((await auditsOf(kept)).map((a) => a.action).sort()).toEqual(["booking.cancel", "booking.refund"]);
    await expect(admin().bookings.refund({ id: kept, mode: "full", reason: "twice" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await auditsOf(kept)).toHaveLength(2);
  });

  it("policy refund well before the session refunds in full", async () => {
    const early = await bookingIn("CONFIRMED", "PAID", { daysAhead: 10 });
    expect(await admin().bookings.cancel({ id: early, refund: "policy", reason: "client asked early" })).toMatchObject({
      paymentStatus: "REFUND_PENDING",
    });
    expect(await stateOf(early)).toMatchObject({ refundedCents: 5000 });
  });

  it("resend an email: a sent or failed email row goes back to pending, attempts kept; others are refused", async () => {
    const id = await bookingIn("CONFIRMED", "NOT_REQUIRED");
    const sent = await outboxRow(id, "EMAIL_CONFIRMATION", "SENT", 2);
    const pending = await outboxRow(id, "EMAIL_CANCELLATION", "PENDING");
    const refund = await outboxRow(id, "STRIPE_REFUND", "FAILED");
    const other = await outboxRow(await bookingIn("CONFIRMED", "NOT_REQUIRED"), "EMAIL_CONFIRMATION", "SENT");
    await admin().bookings.resendEmail({ id, outboxId: sent, reason: "client lost it" });
    expect(await t.db.outboxMessage.findUniqueOrThrow({ where: { id: sent } })).toMatchObject({ status: "PENDING", attempts: 2 });
    for (const outboxId of [pending, refund, other]) {
      await expect(admin().bookings.resendEmail({ id, outboxId, reason: "again please" })).rejects.toMatchObject({ code: "CONFLICT" });
    }
    const audits = await auditsOf(id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: "booking.resendEmail",
      after: { outboxId: sent, kind: "EMAIL_CONFIRMATION", previousStatus: "SENT" },
    });
  });

  it("resolve an attention flag: cleared and audited with the flag's text", async () => {
    const id = await bookingIn("CONFIRMED", "PAID", { attentionReason: "Amount differs" });
    await admin().bookings.resolveAttention({ id, reason: "checked in Stripe" });
    expect(await stateOf(id)).toMatchObject({ attentionReason: null });
    expect(await auditsOf(id)).toMatchObject([{ action: "booking.resolveAttention", before: { attentionReason: "Amount differs" } }]);
  });

  it("outbox: retry moves FAILED to PENDING keeping attempts, give up moves PENDING/FAILED to ABANDONED; each audited once", async () => {
    const id = await bookingIn("CONFIRMED", "NOT_REQUIRED");
    const failed = await outboxRow(id, "EMAIL_CONFIRMATION", "FAILED", 5);
    const pending = await outboxRow(id, "EMAIL_RESCHEDULE", "PENDING");
    const sent = await outboxRow(id, "EMAIL_CANCELLATION", "SENT");
    expect(await admin().outbox.retry({ outboxId: failed, reason: "SendGrid is back" })).toMatchObject({ status: "PENDING" });
    expect(await t.db.outboxMessage.findUniqueOrThrow({ where: { id: failed } })).toMatchObject({ status: "PENDING", attempts: 5 });
    expect(await admin().outbox.abandon({ outboxId: pending, reason: "not needed" })).toMatchObject({ status: "ABANDONED" });
    await expect(admin().outbox.retry({ outboxId: sent, reason: "again" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(admin().outbox.abandon({ outboxId: sent, reason: "again" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(admin().outbox.retry({ outboxId: pending, reason: "again" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await auditsOf(failed)).toMatchObject([{ action: "outbox.retry", targetType: "OutboxMessage", before: { status: "FAILED" } }]);
    expect(await auditsOf(pending)).toMatchObject([{ action: "outbox.abandon", after: { status: "ABANDONED" } }]);
    expect(await auditsOf(sent)).toEqual([]);
    const listed = await admin().outbox.list({ status: "ABANDONED", kind: "EMAIL_RESCHEDULE" });
    expect(listed.items.map((i) => i.id)).toContain(pending);
    expect(listed.items.every((i) => i.status === "ABANDONED" && i.kind === "EMAIL_RESCHEDULE")).toBe(true);
    expect((await admin().outbox.list({})).items.every((i) => ["PENDING", "FAILED", "ABANDONED"].includes(i.status))).toBe(true);
  });
});

describe("admin console: search and the booking page", () => {
  it("filters by status, payment, attention, builder, client email and start date, in pages with a total", async () => {
    const email = `needle-${Date.now()}@example.test`;
    const ids = [];
    for (let i = 0; i < 27; i++) ids.push(await bookingIn("CONFIRMED", "PAID", { daysAhead: 40, clientEmail: email }));
    const flagged = await bookingIn("PENDING", "UNPAID", { daysAhead: 41, clientEmail: email, attentionReason: "mismatch" });
    const first = await admin().bookings.list({ clientEmail: email.toUpperCase().slice(0, 20) });
    expect(first).toMatchObject({ total: 28, page: 1, pageSize: 25 });
    expect(first.items).toHaveLength(25);
    const second = await admin().bookings.list({ clientEmail: email, page: 2 });
    expect(second.items).toHaveLength(3);
    expect(new Set([...first.items, ...second.items].map((b) => b.id)).size).toBe(28);
    expect((await admin().bookings.list({ clientEmail: email, needsAttention: true })).items.map((b) => b.id)).toEqual([flagged]);
    expect((await admin().bookings.list({ clientEmail: email, needsAttention: false })).total).toBe(27);
    expect((await admin().bookings.list({ clientEmail: email, status: "PENDING", paymentStatus: "UNPAID" })).total).toBe(1);
    expect((await admin().bookings.list({ clientEmail: email, builder: builderName.slice(0, 8).toLowerCase() })).total).toBe(28);
    expect((await admin().bookings.list({ clientEmail: email, builder: "nobody-by-this-name" })).total).toBe(0);
    const { startTime } = await t.db.booking.findUniqueOrThrow({ where: { id: flagged } });
    const day41 = startTime.toISOString().slice(0, 10);
    const day42 = new Date(startTime.getTime() + 86_400_000).toISOString().slice(0, 10);
    const byDate = await admin().bookings.list({ clientEmail: email, from: day41, to: day42 });
    expect(byDate.items.map((b) => b.id)).toContain(flagged);
    expect(byDate.items.every((b) => b.startTime >= new Date(`${day41}T00:00:00Z`))).toBe(true);
    await expect(admin().bookings.list({ from: day42, to: day41 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("shows a booking's whole timeline in time order: transitions, webhook events, outbox messages and operator actions", async () => {
    const id = await bookingIn("CONFIRMED", "PAID");
    const event = await t.db.webhookEvent.create({
      data: {
        provider: "STRIPE",
        externalId: `evt_${id}`,
        type: "checkout.session.completed",
        status: "PROCESSED",
        payload: {},
        bookingId: id,
        receivedAt: new Date(Date.now() - 60_000),
      },
    });
    await admin().bookings.cancel({ id, refund: "full", reason: "timeline check" });
    const page = await admin().bookings.byId({ id });
    expect(page.booking).toMatchObject({ id, status: "CANCELLED", paymentStatus: "REFUND_PENDING" });
    expect(page.booking).not.toHaveProperty("manageTokenHash");
    const sources = page.timeline.map((e) => e.source);
    expect(sources[0]).toBe("webhook");
    expect(page.timeline[0]).toMatchObject({ id: event.id, type: "checkout.session.completed", status: "PROCESSED" });
    expect(sources).toEqual(expect.arrayContaining(["audit", "transition", "outbox"]));
    const times = page.timeline.map((e) => e.at.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(page.outbox.map((o) => o.kind)).toContain("STRIPE_REFUND");
    const audit = await admin().audit.list({ targetId: id });
    expect(audit.items).toMatchObject([
      { action: "booking.cancel", targetType: "Booking", reason: "timeline check", actorName: "Operator" },
    ]);
    expect((await admin().audit.list({ action: "booking.cancel", actor: "operator" })).total).toBeGreaterThan(0);
    expect((await admin().audit.list({ actor: "nobody@nowhere.test" })).total).toBe(0);
  });
});
