import { z } from "zod";
import { MAX_BOOKING_WINDOW_DAYS } from "@/core/booking/booking-horizon";
import { supportedCurrencies } from "@/core/money/money";
import { isValidTimeZone } from "@/core/time/time-zone";
import { freeText, priceCents, singleLineText, slug, wholeNumber } from "@/core/validation/fields";

// Shared input/output shapes, built from the field primitives in src/core/validation, so
// every string refuses control characters and every number fits its column. Outputs are
// validated too (.output()), so a select that grows by accident cannot leak a field to a client.

export {
  email,
  freeText,
  httpUrl,
  id,
  MAX_PRICE_CENTS,
  searchText,
  singleLineText,
  slug,
  urlSafeToken,
  wholeNumber,
} from "@/core/validation/fields";

export const timeZone = z.string().min(1, "Required").max(64, "Unknown IANA time zone").refine(isValidTimeZone, "Unknown IANA time zone");
export const isoDate = z.iso.date("Use a date like 2026-03-08");
export const currency = z.enum(supportedCurrencies);
export const tags = z.array(singleLineText({ min: 1, max: 30 })).max(15, "Use at most 15 tags");

export const sessionTypeFields = z.strictObject({
  title: singleLineText({ min: 2, max: 100 }),
  slug,
  description: freeText({ max: 2000 }),
  durationMinutes: wholeNumber({ min: 5, max: 720 }),
  priceCents,
  currency,
});

export const publicSessionType = z.object({
  id: z.string(),
  title: z.string(),
  slug: z.string(),
  description: z.string(),
  durationMinutes: z.number(),
  priceCents: z.number(),
  currency: z.string(),
});

export const ownSessionType = publicSessionType.extend({
  active: z.boolean(),
  calendlyEventTypeUri: z.string().nullable(),
});

export const ownProfile = z.object({
  id: z.string(),
  slug: z.string(),
  displayName: z.string(),
  headline: z.string(),
  bio: z.string(),
  tags: z.array(z.string()),
  timeZone: z.string(),
  published: z.boolean(),
});

const minuteOfDay = wholeNumber({ min: 0, max: 1440 });

export const availability = z.strictObject({
  timeZone,
  bufferBeforeMinutes: wholeNumber({ min: 0, max: 240 }),
  bufferAfterMinutes: wholeNumber({ min: 0, max: 240 }),
  minimumNoticeMinutes: wholeNumber({ min: 0, max: 60 * 24 * 30 }),
  bookingWindowDays: wholeNumber({ min: 1, max: MAX_BOOKING_WINDOW_DAYS }),
  rules: z
    .array(
      z
        .strictObject({ weekday: wholeNumber({ min: 1, max: 7 }), startMinute: minuteOfDay, endMinute: minuteOfDay })
        .refine((r) => r.startMinute < r.endMinute, "Start must be before end"),
    )
    .max(100),
  overrides: z
    .array(
      z
        .strictObject({
          date: isoDate,
          kind: z.enum(["CLOSED", "EXTRA"]),
          startMinute: minuteOfDay.nullable(),
          endMinute: minuteOfDay.nullable(),
        })
        .refine(
          (o) =>
            o.kind === "CLOSED"
              ? o.startMinute === null && o.endMinute === null
              : o.startMinute !== null && o.endMinute !== null && o.startMinute < o.endMinute,
          "A closed day has no hours; extra hours need a start before the end",
        ),
    )
    .max(400),
});

export const bookingView = z.object({
  id: z.string(),
  status: z.enum(["PENDING", "CONFIRMED", "CANCELLED"]),
  paymentStatus: z.enum(["NOT_REQUIRED", "UNPAID", "FAILED", "PAID", "REFUND_PENDING", "REFUNDED"]),
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
