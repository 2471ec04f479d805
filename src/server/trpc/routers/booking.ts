import { z } from "zod";
import { BOOKING_HORIZON_MESSAGE, isWithinBookingHorizon } from "@/core/booking/booking-horizon";
import { AppError } from "@/core/errors";
import { cancelBooking } from "@/modules/bookings/cancel-booking";
import { createBooking } from "@/modules/bookings/create-booking";
import { getBooking } from "@/modules/bookings/get-booking";
import { listBuilderBookings } from "@/modules/bookings/list-builder-bookings";
import { listClientBookings } from "@/modules/bookings/list-client-bookings";
import type { Actor } from "@/modules/shared/actor";
import { nextStepAfterBooking, offeredByCalendlyAt, resumeCheckout } from "@/server/booking-next-step";
import { getEnv } from "@/server/env";
import { dispatchOutboxSoon } from "@/server/jobs/dispatch-soon";
import { authenticatedProcedure, builderProcedure, publicProcedure, rateLimitedProcedure, router } from "../init";
import type { TrpcContext } from "../context";
import { bookingView, email, freeText, id, singleLineText, urlSafeToken } from "../schemas";

const manageToken = urlSafeToken({ min: 10, max: 200 }).optional();

const nextStep = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("confirmed") }),
  z.object({ kind: z.literal("calendly"), url: z.url() }),
  z.object({ kind: z.literal("checkout"), url: z.url() }),
  z.object({ kind: z.literal("payment-pending"), url: z.url() }),
]);

/** Anyone may look at or cancel a booking they relate to; the use-case decides. */
async function actorFor(ctx: TrpcContext, token: string | undefined): Promise<Actor> {
  if (!ctx.userId) return { userId: null, role: null, manageToken: token };
  const user = await ctx.db.user.findUnique({ where: { id: ctx.userId }, select: { role: true } });
  return { userId: user ? ctx.userId : null, role: user?.role ?? null, manageToken: token };
}

export const bookingRouter = router({
  create: rateLimitedProcedure
    .input(
      z.strictObject({
        sessionTypeId: id,
        startTime: z.date("Use a valid date and time"),
        clientName: singleLineText({ min: 1, max: 120 }).optional(),
        clientEmail: email.optional(),
      }),
    )
    .output(z.object({ booking: bookingView, manageToken: z.string().nullable(), next: nextStep }))
    .mutation(async ({ ctx, input }) => {
      // Before any query: an instant far outside the booking window is no one's booking.
      if (!isWithinBookingHorizon(input.startTime, ctx.now())) throw new AppError("VALIDATION", BOOKING_HORIZON_MESSAGE);
      const user = ctx.userId
        ? await ctx.db.user.findUnique({ where: { id: ctx.userId }, select: { id: true, name: true, email: true } })
        : null;
      const clientName = input.clientName ?? user?.name;
      const clientEmail = input.clientEmail ?? user?.email;
      if (!clientName || !clientEmail) throw new AppError("VALIDATION", "Your name and email are required to book");
      const offeredByCalendly = await offeredByCalendlyAt(ctx.db, input.sessionTypeId, input.startTime);
      const created = await ctx.db.$transaction((tx) =>
        createBooking(tx, {
          sessionTypeId: input.sessionTypeId,
          startTime: input.startTime,
          clientId: user?.id ?? null,
          clientName,
          clientEmail,
          now: ctx.now(),
          holdMinutes: getEnv().HOLD_MINUTES,
          manageTokenSecret: getEnv().BETTER_AUTH_SECRET,
          offeredByCalendly,
        }),
      );
      dispatchOutboxSoon();
      const next = await nextStepAfterBooking(ctx.db, created);
      // Signed-in clients manage bookings through their account; the token is for guests.
      return { booking: created.booking, manageToken: user ? null : created.manageToken, next };
    }),

  checkout: rateLimitedProcedure
    .input(z.strictObject({ id, manageToken }))
    .output(z.object({ url: z.url() }))
    .mutation(async ({ ctx, input }) => resumeCheckout(ctx.db, { bookingId: input.id, actor: await actorFor(ctx, input.manageToken) })),

  mine: authenticatedProcedure.output(z.array(bookingView)).query(({ ctx }) => listClientBookings(ctx.db, ctx.user.id)),

  forBuilder: builderProcedure
    .input(z.strictObject({ scope: z.enum(["upcoming", "past"]).default("upcoming") }))
    .output(z.array(bookingView))
    .query(({ ctx, input }) => listBuilderBookings(ctx.db, { builderId: ctx.builderId, scope: input.scope, now: ctx.now() })),

  byId: publicProcedure
    .input(z.strictObject({ id, manageToken }))
    .output(bookingView)
    .query(async ({ ctx, input }) => getBooking(ctx.db, { bookingId: input.id, actor: await actorFor(ctx, input.manageToken) })),

  cancel: rateLimitedProcedure
    .input(z.strictObject({ id, manageToken, reason: freeText({ max: 500 }).optional() }))
    .output(bookingView)
    .mutation(async ({ ctx, input }) => {
      const actor = await actorFor(ctx, input.manageToken);
      const booking = await ctx.db.$transaction((tx) =>
        cancelBooking(tx, {
          bookingId: input.id,
          actor,
          reason: input.reason,
          now: ctx.now(),
          refundPolicy: { fullRefundHoursBefore: getEnv().REFUND_FULL_HOURS_BEFORE },
        }),
      );
      dispatchOutboxSoon();
      return booking;
    }),
});
