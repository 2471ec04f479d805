import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { TRANSITIONS, type TransitionName } from "@/core/booking/booking-lifecycle";
import type { Tx } from "@/modules/shared/tx";
import { actorColumns, type TransitionActor } from "./transition-actor";

const list = (values: readonly string[]) => Prisma.join(values.map((v) => Prisma.sql`${v}`));

/**
 * Step one of a conditional transition: writes its history row only if the booking is in one
 * of `name`'s "from" states, reading those states and locking the row in the same statement.
 * The lock holds the state until the caller's update (same transaction), so the row records
 * the exact "from" state and the update cannot then miss. Its time is the app's clock, like
 * every row Prisma creates (the outbox, the audit log), so a timeline merges them in order. Returns the row's id, or null when the transition does not apply.
 */
export async function recordTransitionIfApplicable(
  tx: Tx,
  { bookingId, name, actor }: { bookingId: string; name: TransitionName; actor?: TransitionActor | undefined },
): Promise<string | null> {
  const { from, to } = TRANSITIONS[name] as {
    from: { status: readonly string[]; payment: readonly string[] };
    to: { status?: string; payment?: string };
  };
  const who = actorColumns(actor);
  const id = randomUUID();
  const written = await tx.$executeRaw`
    INSERT INTO "BookingTransition"
      ("id", "bookingId", "transition", "fromStatus", "toStatus", "fromPayment", "toPayment", "actorType", "actorId", "webhookEventId", "cause", "createdAt")
    SELECT ${id}, b."id", ${name}, b."status",
      COALESCE(${to.status ?? null}::"BookingStatus", b."status"),
      b."paymentStatus",
      COALESCE(${to.payment ?? null}::"PaymentStatus", b."paymentStatus"),
      ${who.actorType}, ${who.actorId}, ${who.webhookEventId}, ${who.cause}, ${new Date()}
    FROM "Booking" b
    WHERE b."id" = ${bookingId}
      AND b."status"::text IN (${list(from.status)})
      AND b."paymentStatus"::text IN (${list(from.payment)})
    FOR UPDATE`;
  return written > 0 ? id : null;
}
