import { formatMoney } from "@/core/money/money";

/**
 * "Free", "$150" or "Free – $150" for a builder's session types. Types priced in other
 * currencies than the first are left out rather than compared across currencies.
 */
export function priceRangeLabel(types: { priceCents: number; currency: string }[]): string | null {
  const first = types[0];
  if (!first) return null;
  const prices = types.filter((t) => t.currency === first.currency).map((t) => t.priceCents);
  const low = Math.min(...prices);
  const high = Math.max(...prices);
  const label = (cents: number) => formatMoney({ amountCents: cents, currency: first.currency });
  return low === high ? label(low) : `${label(low)} – ${label(high)}`;
}
