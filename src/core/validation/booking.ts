import { z } from "zod";
import { BOOKING_STATUSES, PAYMENT_STATUSES } from "../booking/booking-lifecycle";
import { email, freeText, id, isoDate, singleLineText, timeZone, urlSafeToken } from "./fields";

// Booking a session and managing the booking: the API inputs (slot.list, booking.create,
// booking.cancel, ...) and the forms that send them (a guest's details, a cancellation).

export const slotListInput = z.strictObject({ sessionTypeId: id, startDate: isoDate, endDate: isoDate, timeZone });

/** What a guest types; a signed-in client books under the account's name and email. */
export const guestDetailsForm = z.object({
  clientName: singleLineText({ min: 1, max: 120, label: "Name", required: "Enter your name" }),
  clientEmail: email,
});
export type GuestDetailsFormValues = z.input<typeof guestDetailsForm>;

export const bookingInput = z.strictObject({
  sessionTypeId: id,
  startTime: z.date("Use a valid date and time"),
  clientName: guestDetailsForm.shape.clientName.optional(),
  clientEmail: guestDetailsForm.shape.clientEmail.optional(),
  /** The zone the client picked the time in (IANA): their emails show times in it. */
  clientTimeZone: timeZone.optional(),
});

/** A booking as its client, its builder or a guest holding the manage link names it. */
export const bookingRef = z.strictObject({ id, manageToken: urlSafeToken({ min: 10, max: 200 }).optional() });

export const cancelBookingForm = z.object({ reason: freeText({ max: 500, label: "Reason" }) });
export type CancelBookingFormValues = z.input<typeof cancelBookingForm>;

export const cancelBookingInput = bookingRef.extend({ reason: cancelBookingForm.shape.reason.optional() });

export const bookingView = z.object({
  id: z.string(),
  status: z.enum(BOOKING_STATUSES),
  paymentStatus: z.enum(PAYMENT_STATUSES),
  startTime: z.date(),
  endTime: z.date(),
  priceCents: z.number(),
  currency: z.string(),
  clientName: z.string(),
  clientEmail: z.string(),
  holdExpiresAt: z.date().nullable(),
  cancellationReason: z.string().nullable(),
  cancelledBy: z.string().nullable(),
  createdAt: z.date(),
  sessionType: z.object({ id: z.string(), title: z.string(), durationMinutes: z.number() }),
  builder: z.object({ id: z.string(), slug: z.string(), displayName: z.string(), timeZone: z.string() }),
});
