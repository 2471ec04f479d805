// Money is integer minor units plus a lower-case ISO 4217 code, as Stripe sends it.
export type Money = { amountCents: number; currency: string };

export const supportedCurrencies = ["usd", "eur", "gbp"] as const;
export type Currency = (typeof supportedCurrencies)[number];

export function isSupportedCurrency(value: string): value is Currency {
  return (supportedCurrencies as readonly string[]).includes(value);
}

export function sameMoney(a: Money, b: Money): boolean {
  return a.amountCents === b.amountCents && a.currency.toLowerCase() === b.currency.toLowerCase();
}

export function formatMoney({ amountCents, currency }: Money, locale = "en-US"): string {
  if (amountCents === 0) return "Free";
  return new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() }).format(amountCents / 100);
}
