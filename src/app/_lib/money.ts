/** Formats an integer amount in minor units (e.g. cents) as a localized price. */
export function formatMoney(amountMinor: number, currency: string): string {
  const code = currency.toUpperCase();
  let formatter: Intl.NumberFormat;
  try {
    formatter = new Intl.NumberFormat("en-US", { style: "currency", currency: code });
  } catch {
    return `${(amountMinor / 100).toFixed(2)} ${code}`;
  }
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(amountMinor / 10 ** digits);
}

/** "Free" for zero-priced items, otherwise a formatted amount. */
export function formatPrice(amountMinor: number, currency: string): string {
  return amountMinor === 0 ? "Free" : formatMoney(amountMinor, currency);
}

/** Price range label for a builder card. */
export function formatPriceRange(min: number | null, max: number | null, currency: string | null): string {
  if (min === null || max === null) return "No sessions listed";
  const cur = currency ?? "usd";
  if (min === max) return formatPrice(min, cur);
  return `${formatPrice(min, cur)} – ${formatPrice(max, cur)}`;
}

/** Parses a dollars string ("12.50") into integer cents, or undefined if blank/invalid. */
export function dollarsToCents(value: string): number | undefined {
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  const n = Number(trimmed);
  if (!Number.isFinite(n) || n < 0) return undefined;
  return Math.round(n * 100);
}

/** Inverse of dollarsToCents for pre-filling inputs. */
export function centsToDollars(cents: number | undefined | null): string {
  if (cents === undefined || cents === null) return "";
  return (cents / 100).toFixed(2).replace(/\.00$/, "");
}
