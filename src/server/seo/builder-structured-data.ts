// schema.org data for a builder's profile: a Person who makes one Offer per bookable
// session type, so search engines can show the builder with their sessions and prices.

export type ProfileForStructuredData = {
  slug: string;
  displayName: string;
  headline: string;
  tags: string[];
  sessionTypes: { id: string; title: string; description: string; durationMinutes: number; priceCents: number; currency: string }[];
};

/** Minor units to the decimal string schema.org expects ("150.00"), per the currency's digits. */
export function decimalPrice(amountMinor: number, currency: string): string {
  const digits = new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).resolvedOptions()
    .maximumFractionDigits;
  return (amountMinor / 10 ** (digits ?? 2)).toFixed(digits ?? 2);
}

export function profileUrl(baseUrl: string, slug: string): string {
  return new URL(`/builders/${encodeURIComponent(slug)}`, baseUrl).toString();
}

export function builderStructuredData(profile: ProfileForStructuredData, baseUrl: string) {
  const url = profileUrl(baseUrl, profile.slug);
  return {
    "@context": "https://schema.org",
    "@type": "Person",
    name: profile.displayName,
    description: profile.headline,
    url,
    ...(profile.tags.length ? { knowsAbout: profile.tags } : {}),
    makesOffer: profile.sessionTypes.map((st) => ({
      "@type": "Offer",
      name: st.title,
      price: decimalPrice(st.priceCents, st.currency),
      priceCurrency: st.currency.toUpperCase(),
      url: `${url}/book/${encodeURIComponent(st.id)}`,
      availability: "https://schema.org/InStock",
      itemOffered: {
        "@type": "Service",
        name: st.title,
        ...(st.description ? { description: st.description } : {}),
        // ISO 8601 duration of one session.
        duration: `PT${st.durationMinutes}M`,
      },
    })),
  };
}

/**
 * JSON for a <script type="application/ld+json"> element. Profile text is user input, so
 * "<" is escaped: a "</script>" in a bio must not end the element and inject markup.
 */
export function jsonLdScriptContent(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
