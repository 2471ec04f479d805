import { z } from "zod";
import { amountToCents } from "../money/money";
import { MAX_PRICE_CENTS, searchText, singleLineText, urlSafeToken, wholeNumber } from "./fields";

// Finding builders: the marketplace query (builder.list) and its filter form, where prices
// are typed as amounts ("50") and an empty box means no filter.

// Filters beyond the highest possible price match nothing new; refusing them keeps int4 safe.
const priceFilter = (label: string) => wholeNumber({ min: 0, max: MAX_PRICE_CENTS, label });

type PriceRange = { minPriceCents?: number | undefined; maxPriceCents?: number | undefined };
const ascending = ({ minPriceCents: min, maxPriceCents: max }: PriceRange) => min === undefined || max === undefined || min <= max;
const MIN_ABOVE_MAX = "The minimum price must not exceed the maximum";

export const builderListInput = z
  .strictObject({
    q: searchText({ max: 100 }).optional(),
    tag: singleLineText({ max: 30, label: "Tag" }).optional(),
    minPriceCents: priceFilter("Minimum price").optional(),
    maxPriceCents: priceFilter("Maximum price").optional(),
    cursor: urlSafeToken({ max: 400 }).nullish(),
    limit: wholeNumber({ min: 1, max: 50 }).default(12),
    // Sent by tRPC's infinite-query client on every page request; pages only go forward.
    direction: z.enum(["forward", "backward"]).optional(),
  })
  .refine(ascending, { message: MIN_ABOVE_MAX, path: ["minPriceCents"] });

const { shape } = builderListInput;

/** An amount typed in a filter box ("50", "12.50"), in cents; an empty box is no filter. */
const amountFilter = z
  .string()
  .trim()
  .transform((text, ctx) => {
    if (text === "") return undefined;
    const cents = amountToCents(text);
    if (cents === undefined) ctx.addIssue({ code: "custom", message: "Enter a price like 50 or 12.50" });
    return cents ?? z.NEVER;
  });

/**
 * The marketplace filter form. Its fields keep the page address's names (q, tag, min, max:
 * the form also works as a plain GET before the page is interactive); each is checked by
 * the query's own rule.
 */
export const builderSearchForm = z
  .object({
    q: z.string().trim().pipe(shape.q.unwrap()),
    tag: z.string().trim().pipe(shape.tag.unwrap()),
    min: amountFilter.pipe(shape.minPriceCents),
    max: amountFilter.pipe(shape.maxPriceCents),
  })
  .refine(({ min, max }) => ascending({ minPriceCents: min, maxPriceCents: max }), { message: MIN_ABOVE_MAX, path: ["min"] });
export type BuilderSearchFormValues = z.input<typeof builderSearchForm>;
export type BuilderSearch = z.output<typeof builderSearchForm>;

export const builderCard = z.object({
  id: z.string(),
  slug: z.string(),
  displayName: z.string(),
  headline: z.string(),
  tags: z.array(z.string()),
  timeZone: z.string(),
  minPriceCents: z.number().nullable(),
  maxPriceCents: z.number().nullable(),
  currency: z.string().nullable(),
});
