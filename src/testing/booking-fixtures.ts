import type { PrismaClient } from "@/generated/prisma/client";
import { callerFor } from "./harness";
import { createBuilder, createSessionType, createUser, futureHour } from "./factories";

let dayOffset = 10;

/** A signed-in client's paid booking, held and sent to Stripe Checkout (through booking.create). */
export async function paidBookingWithCheckout(db: PrismaClient, options: { priceCents?: number; daysAhead?: number } = {}) {
  const client = await createUser(db, "CLIENT", "Paying Client");
  const { profile } = await createBuilder(db);
  const type = await createSessionType(db, profile.id, { priceCents: options.priceCents ?? 4900 });
  const created = await callerFor(db, client.id).booking.create({
    sessionTypeId: type.id,
    startTime: futureHour(options.daysAhead ?? dayOffset++),
  });
  const booking = await db.booking.findUniqueOrThrow({ where: { id: created.booking.id } });
  if (!booking.stripeCheckoutSessionId) throw new Error("booking.create did not open a Checkout Session");
  return { client, builder: profile, type, booking, checkoutSessionId: booking.stripeCheckoutSessionId, next: created.next };
}

export async function bookingState(db: PrismaClient, id: string) {
  const b = await db.booking.findUniqueOrThrow({ where: { id } });
  return { status: b.status, paymentStatus: b.paymentStatus };
}

export async function outboxKinds(db: PrismaClient, bookingId: string, status?: "PENDING" | "SENT" | "FAILED") {
  const rows = await db.outboxMessage.findMany({ where: { bookingId, ...(status ? { status } : {}) }, orderBy: { kind: "asc" } });
  return rows.map((r) => r.kind);
}
