import { z } from "zod";
import { supportedCurrencies } from "@/core/money/money";
import { isValidTimeZone } from "@/core/time/time-zone";

// Shared input/output shapes. Outputs are validated too (.output()), so a select that
// grows by accident cannot leak a field to a client.

export const id = z.string().min(1).max(64);
export const slug = z
  .string()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens");
export const timeZone = z.string().min(1).max(64).refine(isValidTimeZone, "Unknown IANA time zone");
export const isoDate = z.iso.date();
export const currency = z.enum(supportedCurrencies);
export const tags = z.array(z.string().trim().min(1).max(30)).max(15);

export const sessionTypeFields = z.strictObject({
  title: z.string().trim().min(2).max(100),
  slug,
  description: z.string().trim().max(2000),
  durationMinutes: z.number().int().min(5).max(720),
  priceCents: z.number().int().min(0).max(10_000_00),
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

const minuteOfDay = z.number().int().min(0).max(1440);

export const availability = z.strictObject({
  timeZone,
  bufferBeforeMinutes: z.number().int().min(0).max(240),
  bufferAfterMinutes: z.number().int().min(0).max(240),
  minimumNoticeMinutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 30),
  bookingWindowDays: z.number().int().min(1).max(365),
  rules: z
    .array(
      z
        .strictObject({ weekday: z.number().int().min(1).max(7), startMinute: minuteOfDay, endMinute: minuteOfDay })
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
