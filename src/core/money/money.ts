// Money is integer minor units plus a lower-case ISO 4217 code, as Stripe sends it.
export type Money = { amountCents: number; currency: string };

export const supportedCurrencies = ["usd", "eur", "gbp"] as const;
export type Currency = (typeof supportedCurrencies)[number];

export function formatMoney({ amountCents, currency }: Money, locale = "en-US"): string {
  if (amountCents === 0) return "Free";
  return new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() }).format(amountCents / 100);
}

/** "Free" when both ends are free, else "$50.00" or "$50.00 – $150.00". */
export function formatMoneyRange(lowCents: number, highCents: number, currency: string, locale = "en-US"): string {
  const label = (amountCents: number) => formatMoney({ amountCents, currency }, locale);
  return lowCents === highCents ? label(lowCents) : `${label(lowCents)} – ${label(highCents)}`;
}

const AMOUNT = /^\d+(?:\.\d{1,2})?$/;

/** An amount typed in major units ("12", "12.5", "12.50") as minor units (1250); undefined if it is not one. */
export function amountToCents(text: string): number | undefined {
  const trimmed = text.trim();
  if (!AMOUNT.test(trimmed)) return undefined;
  const [whole = "0", fraction = ""] = trimmed.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

/** Minor units as an amount to edit: 1250 -> "12.50", 1200 -> "12". */
export function centsToAmount(amountCents: number): string {
  return (amountCents / 100).toFixed(2).replace(/\.00$/, "");
}
