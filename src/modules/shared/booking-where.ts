import type { Prisma } from "@/generated/prisma/client";
import type {
  BookingStatus as DbBookingStatus,
  CancelledBy as DbCancelledBy,
  OutboxKind as DbOutboxKind,
  PaymentStatus as DbPaymentStatus,
} from "@/generated/prisma/enums";
import { TRANSITIONS, type BookingStatus, type PaymentStatus, type TransitionName } from "@/core/booking/booking-lifecycle";
import type { Canceller } from "@/core/booking/booking-cancellation";
import type { AccountEffect, OwedEffect } from "@/core/booking/booking-effects";
import { LIVE_STATUSES } from "@/core/booking/booking-predicates";

// The core lifecycle as Prisma query fragments, so queries and writers use its definitions
// instead of restating them.

// The lifecycle's states and effects must be exactly the schema's enums: a value added to one
// side only fails the type check here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
type _StatusesMatch = Assert<Same<BookingStatus, DbBookingStatus>>;
type _PaymentStatusesMatch = Assert<Same<PaymentStatus, DbPaymentStatus>>;
type _CancellersMatch = Assert<Same<Canceller, DbCancelledBy>>;
type _EffectsMatch = Assert<Same<OwedEffect | AccountEffect, DbOutboxKind>>;

/** Bookings that occupy their slot at `now` (core's isLive as a WHERE). */
export function liveBookingWhere(now: Date): Prisma.BookingWhereInput {
  return {
    OR: [
      { status: { in: [...LIVE_STATUSES.always] } },
      { status: { in: [...LIVE_STATUSES.untilHoldExpires] }, OR: [{ holdExpiresAt: null }, { holdExpiresAt: { gt: now } }] },
    ],
  };
}

/** Bookings `name` applies to: its "from" states, the WHERE of its conditional update. */
export function transitionWhere(name: TransitionName) {
  const { from } = TRANSITIONS[name];
  return {
    status: { in: [...from.status] as BookingStatus[] },
    paymentStatus: { in: [...from.payment] as PaymentStatus[] },
  } satisfies Prisma.BookingWhereInput;
}

/** Unpaid holds whose time is up at `now` (core's isHoldExpired as a WHERE). */
export function expiredHoldWhere(now: Date): Prisma.BookingWhereInput {
  return { ...transitionWhere("expireHold"), holdExpiresAt: { lte: now } };
}
