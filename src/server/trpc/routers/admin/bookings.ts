import { z } from "zod";
import {
  adminBookingRef,
  adminCancelInput,
  adminRefundInput,
  bookingActionInput,
  listAdminBookingsInput,
  outboxActionInput,
} from "@/core/validation/admin-bookings";
import { BOOKING_STATUSES, PAYMENT_STATUSES } from "@/core/booking/booking-lifecycle";
import { cancelBookingManually } from "@/modules/admin/bookings/cancel-booking-manually";
import { confirmBookingManually } from "@/modules/admin/bookings/confirm-booking-manually";
import { getAdminBooking } from "@/modules/admin/bookings/get-admin-booking";
import { listAdminBookings } from "@/modules/admin/bookings/list-admin-bookings";
import { refundBookingManually } from "@/modules/admin/bookings/refund-booking-manually";
import { resendBookingEmail } from "@/modules/admin/bookings/resend-booking-email";
import { resolveAttention } from "@/modules/admin/bookings/resolve-attention";
import type { Db } from "@/modules/shared/tx";
import { bookingConfig } from "@/server/booking-services";
import { dispatchOutboxSoon } from "@/server/jobs/dispatch-soon";
import { adminProcedure, router } from "../../init";
import { paginated } from "./paginated";

const bookingStatus = z.enum(BOOKING_STATUSES);
const paymentStatus = z.enum(PAYMENT_STATUSES);

const listOutput = paginated(
  z.object({
    id: z.string(),
    status: bookingStatus,
    paymentStatus,
    startTime: z.date(),
    clientName: z.string(),
    clientEmail: z.string(),
    priceCents: z.number(),
    currency: z.string(),
    attentionReason: z.string().nullable(),
    createdAt: z.date(),
    builderName: z.string(),
    sessionTitle: z.string(),
  }),
);

const outboxRow = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.string(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  lastStatusCode: z.number().nullable(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
});

const timelineEntry = z.discriminatedUnion("source", [
  z.object({
    source: z.literal("transition"),
    id: z.string(),
    at: z.date(),
    transition: z.string(),
    from: z.string(),
    to: z.string(),
    actor: z.string(),
    cause: z.string().nullable(),
    webhookEventId: z.string().nullable(),
  }),
  z.object({
    source: z.literal("webhook"),
    id: z.string(),
    at: z.date(),
    provider: z.string(),
    type: z.string(),
    status: z.string(),
    attempts: z.number(),
    lastError: z.string().nullable(),
  }),
  outboxRow.omit({ createdAt: true }).extend({ source: z.literal("outbox"), at: z.date() }),
  z.object({
    source: z.literal("audit"),
    id: z.string(),
    at: z.date(),
    action: z.string(),
    actor: z.string(),
    reason: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  }),
]);

const detailOutput = z.object({
  booking: z.object({
    id: z.string(),
    status: bookingStatus,
    paymentStatus,
    startTime: z.date(),
    endTime: z.date(),
    createdAt: z.date(),
    clientName: z.string(),
    clientEmail: z.string(),
    clientTimeZone: z.string().nullable(),
    priceCents: z.number(),
    currency: z.string(),
    amountPaidCents: z.number().nullable(),
    refundedCents: z.number().nullable(),
    holdExpiresAt: z.date().nullable(),
    cancelledAt: z.date().nullable(),
    cancelledBy: z.string().nullable(),
    cancellationReason: z.string().nullable(),
    attentionReason: z.string().nullable(),
    attentionRaisedAt: z.date().nullable(),
    stripeCheckoutSessionId: z.string().nullable(),
    stripePaymentIntentId: z.string().nullable(),
    calendlyEventUri: z.string().nullable(),
    rescheduledFromId: z.string().nullable(),
    builder: z.object({ id: z.string(), displayName: z.string(), slug: z.string() }),
    sessionType: z.object({ id: z.string(), title: z.string(), durationMinutes: z.number() }),
    client: z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable(),
  }),
  outbox: z.array(outboxRow),
  timeline: z.array(timelineEntry),
});

const actionOutput = z.object({ auditId: z.string(), status: bookingStatus, paymentStatus });

/** The common options of a booking action, from the request. */
function actionOptions(ctx: { db: Db; user: { id: string }; now: () => Date }, input: { id: string; reason: string }) {
  return {
    db: ctx.db,
    actorId: ctx.user.id,
    bookingId: input.id,
    reason: input.reason,
    now: ctx.now(),
    dispatchOutbox: dispatchOutboxSoon,
  };
}
const outcome = (r: {
  auditId: string;
  after: { status: z.infer<typeof bookingStatus>; paymentStatus: z.infer<typeof paymentStatus> };
}) => ({
  auditId: r.auditId,
  status: r.after.status,
  paymentStatus: r.after.paymentStatus,
});

export const adminBookingsRouter = router({
  list: adminProcedure
    .input(listAdminBookingsInput)
    .output(listOutput)
    .query(({ ctx, input }) => listAdminBookings(ctx.db, input)),

  byId: adminProcedure
    .input(adminBookingRef)
    .output(detailOutput)
    .query(({ ctx, input }) => getAdminBooking(ctx.db, input.id)),

  confirm: adminProcedure
    .input(bookingActionInput)
    .output(actionOutput)
    .mutation(async ({ ctx, input }) => outcome(await confirmBookingManually(actionOptions(ctx, input)))),

  cancel: adminProcedure
    .input(adminCancelInput)
    .output(actionOutput)
    .mutation(async ({ ctx, input }) =>
      outcome(
        await cancelBookingManually({ ...actionOptions(ctx, input), refund: input.refund, refundPolicy: bookingConfig().refundPolicy }),
      ),
    ),

  refund: adminProcedure
    .input(adminRefundInput)
    .output(actionOutput)
    .mutation(async ({ ctx, input }) =>
      outcome(
        await refundBookingManually({ ...actionOptions(ctx, input), amountCents: input.mode === "amount" ? input.amountCents : undefined }),
      ),
    ),

  resendEmail: adminProcedure
    .input(outboxActionInput.extend({ id: adminBookingRef.shape.id }))
    .output(actionOutput)
    .mutation(async ({ ctx, input }) => outcome(await resendBookingEmail({ ...actionOptions(ctx, input), outboxId: input.outboxId }))),

  resolveAttention: adminProcedure
    .input(bookingActionInput)
    .output(actionOutput)
    .mutation(async ({ ctx, input }) => outcome(await resolveAttention(actionOptions(ctx, input)))),
});
