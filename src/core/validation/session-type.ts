import { z } from "zod";
import { amountToCents, centsToAmount } from "../money/money";
import { currency, freeText, id, MAX_PRICE_CENTS, singleLineText, slug, wholeNumber } from "./fields";

// A session type as builders create and edit it: the API input (sessionType.create/update)
// and the dashboard form, which differs only in typing the price in major units.

const priceRange = `Price must be between 0 (free) and ${(MAX_PRICE_CENTS / 100).toLocaleString("en-US")}`;

export const sessionTypeInput = z.strictObject({
  title: singleLineText({ min: 2, max: 100, label: "Title" }),
  slug,
  description: freeText({ max: 2000, label: "Description" }),
  durationMinutes: wholeNumber({ min: 5, max: 720, label: "Duration", unit: "minutes" }),
  priceCents: z
    .number({ error: "Price must be a number" })
    .int("Price must be a whole number of cents")
    .min(0, priceRange)
    .max(MAX_PRICE_CENTS, priceRange),
  currency,
});
export type SessionTypeInput = z.output<typeof sessionTypeInput>;

export const sessionTypeUpdateInput = sessionTypeInput.partial().extend({ id });

/**
 * The form: the price is typed as an amount ("12.50") and becomes cents under the API's own
 * rule; the currency select may still show a legacy code, which the API's rule refuses.
 */
export const sessionTypeForm = sessionTypeInput.extend({
  priceCents: z
    .string()
    .trim()
    .min(1, "Enter a price (0 for free)")
    .transform((amount, ctx) => {
      const cents = amountToCents(amount);
      if (cents === undefined) ctx.addIssue({ code: "custom", message: "Enter a price like 12.50" });
      return cents ?? z.NEVER;
    })
    .pipe(sessionTypeInput.shape.priceCents),
  currency: z.string().pipe(currency),
});
export type SessionTypeFormValues = z.input<typeof sessionTypeForm>;

/** What the form starts with: a new session type, or an existing one to edit. */
export function sessionTypeFormValues(initial?: Omit<SessionTypeInput, "currency"> & { currency: string }): SessionTypeFormValues {
  return {
    title: initial?.title ?? "",
    slug: initial?.slug ?? "",
    description: initial?.description ?? "",
    durationMinutes: initial?.durationMinutes ?? 30,
    priceCents: initial ? centsToAmount(initial.priceCents) : "0",
    currency: initial?.currency ?? "usd",
  };
}

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
