import { z } from "zod";
import { bookSession } from "@/modules/bookings/book-session";
import { cancelBooking } from "@/modules/bookings/cancel-booking";
import { getBooking } from "@/modules/bookings/get-booking";
import { listBuilderBookings } from "@/modules/bookings/list-builder-bookings";
import { listClientBookings } from "@/modules/bookings/list-client-bookings";
import { rescheduleBooking } from "@/modules/bookings/reschedule-booking";
import { startCheckout } from "@/modules/bookings/start-checkout";
import { assertBookingsOpen, assertReschedulesOpen } from "@/modules/levers/assert-bookings-open";
import { loadActor } from "@/modules/shared/actor";
import { bookingConfig, requestPathPorts } from "@/server/booking-services";
import { dispatchOutboxSoon } from "@/server/jobs/dispatch-soon";
import { currentLevers } from "@/server/levers/lever-cache";
import { authenticatedProcedure, builderProcedure, publicProcedure, rateLimitedProcedure, router } from "../init";
import { bookingInput, bookingRef, bookingView, cancelBookingInput } from "@/core/validation/booking";
import { rescheduleBookingInput } from "@/core/validation/reschedule";

const nextStep = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("confirmed") }),
  z.object({ kind: z.literal("calendly"), url: z.url() }),
  z.object({ kind: z.literal("checkout"), url: z.url() }),
  z.object({ kind: z.literal("payment-pending"), url: z.url() }),
]);

// A booking as its reader sees it, with what cancelling it now would do (booking pages, My bookings).
const cancellationPreview = z.object({ policy: z.string().nullable(), outcome: z.string().nullable(), refundCutoff: z.date().nullable() });
// What else the booking page offers: moving it (or why not), Calendly's own pages, the booking it moved to.
const manageFacts = z.object({
  reschedule: z
    .object({ allowed: z.boolean(), refusal: z.string().nullable(), until: z.date().nullable(), fullRefundHoursBefore: z.number() })
    .nullable(),
  calendly: z.object({ rescheduleUrl: z.url().nullable(), cancelUrl: z.url().nullable(), continueUrl: z.url().nullable() }).nullable(),
  movedTo: z.object({ id: z.string(), startTime: z.date(), endTime: z.date(), manageToken: z.string().nullable() }).nullable(),
});
const bookingWithPreview = bookingView.extend({ cancellation: cancellationPreview.optional(), manage: manageFacts.optional() });

export const bookingRouter = router({
  create: rateLimitedProcedure
    .input(bookingInput)
    .output(z.object({ booking: bookingView, manageToken: z.string().nullable(), next: nextStep }))
    .mutation(async ({ ctx, input }) => {
      assertBookingsOpen(await currentLevers(ctx.db));
      return bookSession({
        db: ctx.db,
        ...requestPathPorts,
        config: bookingConfig(),
        dispatchOutbox: dispatchOutboxSoon,
        userId: ctx.userId,
        now: ctx.now(),
        ...input,
      });
    }),

  checkout: rateLimitedProcedure
    .input(bookingRef)
    .output(z.object({ url: z.url() }))
    .mutation(async ({ ctx, input }) =>
      startCheckout({
        db: ctx.db,
        payments: requestPathPorts.payments,
        config: bookingConfig(),
        bookingId: input.id,
        actor: await loadActor(ctx.db, { userId: ctx.userId, manageToken: input.manageToken }),
        now: ctx.now(),
      }),
    ),

  mine: authenticatedProcedure
    .output(z.array(bookingWithPreview))
    .query(({ ctx }) => listClientBookings(ctx.db, ctx.user.id, { now: ctx.now(), refundPolicy: bookingConfig().refundPolicy })),

  forBuilder: builderProcedure
    .input(z.strictObject({ scope: z.enum(["upcoming", "past"]).default("upcoming") }))
    .output(z.array(bookingView))
    .query(({ ctx, input }) => listBuilderBookings(ctx.db, { builderId: ctx.builderId, scope: input.scope, now: ctx.now() })),

  byId: publicProcedure
    .input(bookingRef)
    .output(bookingWithPreview)
    .query(async ({ ctx, input }) =>
      getBooking(ctx.db, {
        bookingId: input.id,
        actor: await loadActor(ctx.db, { userId: ctx.userId, manageToken: input.manageToken }),
        now: ctx.now(),
        refundPolicy: bookingConfig().refundPolicy,
        links: bookingConfig(),
      }),
    ),

  cancel: rateLimitedProcedure
    .input(cancelBookingInput)
    .output(bookingView)
    .mutation(async ({ ctx, input }) =>
      cancelBooking({
        db: ctx.db,
        config: bookingConfig(),
        dispatchOutbox: dispatchOutboxSoon,
        bookingId: input.id,
        actor: await loadActor(ctx.db, { userId: ctx.userId, manageToken: input.manageToken }),
        reason: input.reason,
        now: ctx.now(),
      }),
    ),

  // The new booking's manage token goes back only to a guest who acted with the old one's.
  reschedule: rateLimitedProcedure
    .input(rescheduleBookingInput)
    .output(z.object({ booking: bookingView, manageToken: z.string().nullable() }))
    .mutation(async ({ ctx, input }) => {
      assertReschedulesOpen(await currentLevers(ctx.db));
      return rescheduleBooking({
        db: ctx.db,
        config: bookingConfig(),
        dispatchOutbox: dispatchOutboxSoon,
        bookingId: input.id,
        newStartTime: input.newStartTime,
        actor: await loadActor(ctx.db, { userId: ctx.userId, manageToken: input.manageToken }),
        now: ctx.now(),
      });
    }),
});
