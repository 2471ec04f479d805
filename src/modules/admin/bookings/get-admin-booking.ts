import { notFound } from "@/core/errors";
import type { Tx } from "@/modules/shared/tx";

/** One entry of a booking's timeline, whatever its source; `at` orders them. */
export type TimelineEntry =
  | {
      source: "transition";
      id: string;
      at: Date;
      transition: string;
      from: string;
      to: string;
      actor: string;
      cause: string | null;
      webhookEventId: string | null;
    }
  | { source: "webhook"; id: string; at: Date; provider: string; type: string; status: string; attempts: number; lastError: string | null }
  | {
      source: "outbox";
      id: string;
      at: Date;
      kind: string;
      status: string;
      attempts: number;
      lastError: string | null;
      lastStatusCode: number | null;
      sentAt: Date | null;
    }
  | { source: "audit"; id: string; at: Date; action: string; actor: string; reason: string; before: unknown; after: unknown };

const state = (status: string | null, payment: string | null) => (status ? `${status} / ${payment}` : "(new)");

/**
 * A booking as the console shows it: its details, its outbox rows (for the actions on them)
 * and its whole history merged in time order: lifecycle transitions, the webhook events
 * applied to it, its outbox messages and the operator actions on it or on its messages.
 */
export async function getAdminBooking(db: Tx, bookingId: string) {
  const booking = await db.booking.findUnique({
    where: { id: bookingId },
    include: {
      builder: { select: { id: true, displayName: true, slug: true } },
      sessionType: { select: { id: true, title: true, durationMinutes: true } },
      client: { select: { id: true, email: true, name: true } },
    },
  });
  if (!booking) throw notFound("Booking");
  const [transitions, webhooks, outbox] = await Promise.all([
    db.bookingTransition.findMany({ where: { bookingId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.webhookEvent.findMany({
      where: { bookingId },
      select: { id: true, provider: true, type: true, status: true, receivedAt: true, attempts: true, lastError: true },
    }),
    db.outboxMessage.findMany({
      where: { bookingId },
      orderBy: { createdAt: "asc" },
      select: { id: true, kind: true, status: true, attempts: true, lastError: true, lastStatusCode: true, createdAt: true, sentAt: true },
    }),
  ]);
  const audits = await db.auditLog.findMany({
    where: {
      OR: [
        { targetType: "Booking", targetId: bookingId },
        { targetType: "OutboxMessage", targetId: { in: outbox.map((o) => o.id) } },
      ],
    },
    include: { actor: { select: { email: true } } },
  });
  const timeline: TimelineEntry[] = [
    ...transitions.map((t) => ({
      source: "transition" as const,
      id: t.id,
      at: t.createdAt,
      transition: t.transition,
      from: state(t.fromStatus, t.fromPayment),
      to: state(t.toStatus, t.toPayment),
      actor: t.actorType,
      cause: t.cause,
      webhookEventId: t.webhookEventId,
    })),
    ...webhooks.map((w) => ({ source: "webhook" as const, ...w, at: w.receivedAt })),
    ...outbox.map(({ createdAt, ...o }) => ({ source: "outbox" as const, ...o, at: createdAt })),
    ...audits.map((a) => ({
      source: "audit" as const,
      id: a.id,
      at: a.createdAt,
      action: a.action,
      actor: a.actor.email,
      reason: a.reason,
      before: a.before,
      after: a.after,
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime() || sourceOrder[a.source] - sourceOrder[b.source]);
  const { manageTokenHash: _hash, ...details } = booking;
  return { booking: details, outbox, timeline };
}

// Within one transaction everything shares its timestamp: cause first, then what it owed.
const sourceOrder = { webhook: 0, audit: 1, transition: 2, outbox: 3 } as const;
