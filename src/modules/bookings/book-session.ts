import { BOOKING_HORIZON_MESSAGE, isWithinBookingHorizon } from "@/core/booking/booking-horizon";
import { AppError } from "@/core/errors";
import type { CalendlyApi } from "@/modules/ports/calendly-api";
import type { PaymentGateway } from "@/modules/ports/payment-gateway";
import type { BookingConfig } from "@/modules/shared/booking-config";
import type { Db } from "@/modules/shared/tx";
import { loadSlotContext } from "@/modules/slots/load-slot-context";
import type { BookingView } from "./booking-view";
import { checkBookingSlot, createBooking } from "./create-booking";
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
  /** The client's IANA zone (validated by the caller): their emails show times in it. */
  clientTimeZone?: string | undefined;
  now: Date;
};

export type BookedSession = {
  booking: BookingView;
  /** For guests only: signed-in clients manage their bookings through their account. */
  manageToken: string | null;
  next: NextStep;
};

const DAY_MS = 86_400_000;

/**
 * Books a session for a client, from any entry point: checks the time is within the booking
 * window (before any query); reads who is booking and the slot context in one statement;
 * checks the slot there, asking Calendly for mapped session types (so a slot already taken is
 * refused without a transaction, and no provider call runs inside one); books in one short
 * transaction (the booking and its outbox rows); hands the outbox to the queue after commit,
 * then opens the next step.
 */
export async function bookSession(options: BookSessionOptions): Promise<BookedSession> {
  const { db, config, now, sessionTypeId, startTime } = options;
  if (!isWithinBookingHorizon(startTime, now)) throw new AppError("VALIDATION", BOOKING_HORIZON_MESSAGE);
  const context = await loadSlotContext(db, {
    sessionTypeId,
    now,
    from: new Date(startTime.getTime() - DAY_MS),
    to: new Date(startTime.getTime() + DAY_MS),
    clientId: options.userId,
  });
  const user = context.client;
  const clientName = options.clientName ?? user?.name;
  const clientEmail = options.clientEmail ?? user?.email;
  if (!clientName || !clientEmail) throw new AppError("VALIDATION", "Your name and email are required to book");
  const clientId = user?.id ?? null;

  // The booking's view shows its builder: read with the slot context, so the insert returns the row without a re-select.
  const { sessionType, builder } = context;
  const offeredByCalendly = sessionType.calendlyEventTypeUri
    ? await offeredByCalendlyAt({ calendly: options.calendly, eventTypeUri: sessionType.calendlyEventTypeUri, start: startTime, now })
    : undefined;
  checkBookingSlot(context, { startTime, clientId, offeredByCalendly });
  const created = await db.$transaction((tx) =>
    createBooking(tx, {
      sessionType,
      staleHolds: context.staleHolds,
      builder: { id: sessionType.builderId, timeZone: context.query.builderTimeZone, ...builder },
      startTime,
      clientId,
      clientName,
      clientEmail,
      clientTimeZone: options.clientTimeZone ?? null,
      now,
      holdMinutes: config.holdMinutes,
      manageTokenSecret: config.manageTokenSecret,
    }),
  );
  options.dispatchOutbox();
  const next = await nextStepAfterBooking({ db, payments: options.payments, config, created, now });
  return { booking: created.booking, manageToken: user ? null : created.manageToken, next };
}
