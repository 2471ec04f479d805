import { z } from "zod";
import { BOOKING_STATUSES, PAYMENT_STATUSES } from "../booking/booking-lifecycle";
import { freeText, id, isoDate, searchText, wholeNumber, MAX_PRICE_CENTS } from "./fields";

// The console's bookings, outbox and audit pages (admin.bookings.*, admin.outbox.*,
// admin.audit.*): their filters, and the operator actions, each with a reason kept in the
// audit log. The forms resolve the same schemas.

export const ADMIN_PAGE_SIZE = 25;

const page = wholeNumber({ min: 1, max: 10_000, label: "Page" }).default(1);
/** Required on every action: kept in the audit log, for whoever reads it later. */
export const actionReason = freeText({ max: 1000, label: "Reason" }).pipe(z.string().min(3, "Reason must be at least 3 characters"));

export const bookingStatusFilter = z.enum(BOOKING_STATUSES, { error: "Choose a booking status" });
export const paymentStatusFilter = z.enum(PAYMENT_STATUSES, { error: "Choose a payment status" });

export const listAdminBookingsInput = z
  .strictObject({
    status: bookingStatusFilter.optional(),
    paymentStatus: paymentStatusFilter.optional(),
    needsAttention: z.boolean({ error: "Choose yes or no" }).optional(),
    /** Part of the builder's name or profile slug. */
    builder: searchText({ max: 100 }).optional(),
    /** Part of the client's email address. */
    clientEmail: searchText({ max: 254 }).optional(),
    /** Sessions starting on or after this UTC date. */
    from: isoDate.optional(),
    /** Sessions starting on or before this UTC date (the whole day). */
    to: isoDate.optional(),
    page,
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "The start of the range must be before its end", path: ["to"] });
export type ListAdminBookingsInput = z.input<typeof listAdminBookingsInput>;

export const adminBookingRef = z.strictObject({ id });

/** An action on a booking that needs nothing but the reason (confirm, resolve the attention flag). */
export const bookingActionInput = z.strictObject({ id, reason: actionReason });
export type BookingActionInput = z.output<typeof bookingActionInput>;

export const REFUND_CHOICES = ["policy", "full", "none"] as const;
export const refundChoice = z.enum(REFUND_CHOICES, { error: "Choose a refund: by the policy, in full, or none" });

export const adminCancelForm = z.strictObject({ refund: refundChoice, reason: actionReason });
export type AdminCancelFormValues = z.input<typeof adminCancelForm>;
export const adminCancelInput = adminCancelForm.extend({ id });

/** A refund of a cancelled booking's kept payment: all of it, or an amount in cents. */
const refundFields = z.strictObject({
  mode: z.enum(["full", "amount"], { error: "Choose a full or a partial refund" }),
  amountCents: wholeNumber({ min: 1, max: MAX_PRICE_CENTS, label: "Amount" }).optional(),
  reason: actionReason,
});
const amountGiven = (r: { mode: "full" | "amount"; amountCents?: number | undefined }) => r.mode === "full" || r.amountCents !== undefined;
const amountMissing = { message: "Enter the amount to refund", path: ["amountCents"] };
export const adminRefundForm = refundFields.refine(amountGiven, amountMissing);
export type AdminRefundFormValues = z.input<typeof adminRefundForm>;
export const adminRefundInput = refundFields.extend({ id }).refine(amountGiven, amountMissing);

/** An outbox row of the booking (the email to send again). */
export const outboxActionInput = z.strictObject({ outboxId: id, reason: actionReason });
export type OutboxActionInput = z.output<typeof outboxActionInput>;

export const OUTBOX_STATUSES = ["PENDING", "SENT", "FAILED", "CANCELLED", "ABANDONED"] as const;
export const outboxStatusFilter = z.enum(OUTBOX_STATUSES, { error: "Choose an outbox status" });
/** Every outbox kind (the schema's OutboxKind; src/modules/admin/outbox checks they match). */
export const OUTBOX_KINDS = [
  "EMAIL_CONFIRMATION",
  "EMAIL_PAYMENT_RECEIPT",
  "EMAIL_CANCELLATION",
  "EMAIL_RESCHEDULE",
  "EMAIL_REFUND_NOTICE",
  "STRIPE_REFUND",
  "STRIPE_EXPIRE_CHECKOUT",
  "CALENDLY_CANCEL",
  "EMAIL_BUILDER_NEW_BOOKING",
  "EMAIL_BUILDER_CANCELLATION",
  "EMAIL_BUILDER_RESCHEDULE",
  "EMAIL_BUILDER_PAYMENT_RECEIVED",
  "EMAIL_REMINDER_CLIENT",
  "EMAIL_REMINDER_BUILDER",
  "EMAIL_PAYMENT_LINK",
  "EMAIL_HOLD_EXPIRED",
  "EMAIL_PASSWORD_RESET",
  "EMAIL_TIME_REFUSED",
] as const;
export const outboxKindFilter = z.enum(OUTBOX_KINDS, { error: "Choose a kind" });

export const listOutboxInput = z.strictObject({
  /** Default: what needs an operator (pending, failed, abandoned). */
  status: outboxStatusFilter.optional(),
  kind: outboxKindFilter.optional(),
  page,
});
export type ListOutboxInput = z.input<typeof listOutboxInput>;

export const listAuditInput = z.strictObject({
  action: searchText({ max: 100 }).optional(),
  targetType: searchText({ max: 50 }).optional(),
  targetId: searchText({ max: 64 }).optional(),
  /** Part of the actor's email or name. */
  actor: searchText({ max: 254 }).optional(),
  page,
});
export type ListAuditInput = z.input<typeof listAuditInput>;
