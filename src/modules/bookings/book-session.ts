import { BOOKING_HORIZON_MESSAGE, isWithinBookingHorizon } from "@/core/booking/booking-horizon";
import { AppError } from "@/core/errors";
import type { CalendlyApi } from "@/modules/ports/calendly-api";
import type { PaymentGateway } from "@/modules/ports/payment-gateway";
import type { BookingConfig } from "@/modules/shared/booking-config";
import type { Db } from "@/modules/shared/tx";
import type { BookingView } from "./booking-view";
import { createBooking } from "./create-booking";
import { nextStepAfterBooking, type NextStep } from "./next-step-after-booking";
import { offeredByCalendlyAt } from "./offered-by-calendly";

export type BookSessionOptions = {
  db: Db;
  payments: PaymentGateway;
  calendly: CalendlyApi;
  config: BookingConfig;
  /** Hands the committed outbox rows to the job queue; called after commit, never inside the transaction. */
  dispatchOutbox: () => void;
  /** The signed-in client, or null for a guest. */
  userId: string | null;
  sessionTypeId: string;
  startTime: Date;
  /** Default to the signed-in client's own; a guest must give both. */
  clientName?: string | undefined;
  clientEmail?: string | undefined;
  now: Date;
};

export type BookedSession = {
  booking: BookingView;
  /** For guests only: signed-in clients manage their bookings through their account. */
  manageToken: string | null;
  next: NextStep;
};

/**
 * Books a session for a client, from any entry point: checks the time is within the booking
 * window (before any query), resolves who is booking, asks Calendly whether it offers the time
 * (mapped session types, before the transaction), books in one transaction (the booking and
 * its outbox rows), hands the outbox to the queue after commit, then opens the next step.
 */
export async function bookSession(options: BookSessionOptions): Promise<BookedSession> {
  const { db, config, now } = options;
  if (!isWithinBookingHorizon(options.startTime, now)) throw new AppError("VALIDATION", BOOKING_HORIZON_MESSAGE);
  const user = options.userId
    ? await db.user.findUnique({ where: { id: options.userId }, select: { id: true, name: true, email: true } })
    : null;
  const clientName = options.clientName ?? user?.name;
  const clientEmail = options.clientEmail ?? user?.email;
  if (!clientName || !clientEmail) throw new AppError("VALIDATION", "Your name and email are required to book");

  const offeredByCalendly = await offeredByCalendlyAt({
    db,
    calendly: options.calendly,
    sessionTypeId: options.sessionTypeId,
    start: options.startTime,
    now,
  });
  const created = await db.$transaction((tx) =>
    createBooking(tx, {
      sessionTypeId: options.sessionTypeId,
      startTime: options.startTime,
      clientId: user?.id ?? null,
      clientName,
      clientEmail,
      now,
      holdMinutes: config.holdMinutes,
      manageTokenSecret: config.manageTokenSecret,
      offeredByCalendly,
    }),
  );
  options.dispatchOutbox();
  const next = await nextStepAfterBooking({ db, payments: options.payments, config, created, now });
  return { booking: created.booking, manageToken: user ? null : created.manageToken, next };
}
