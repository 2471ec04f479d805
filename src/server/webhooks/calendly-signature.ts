import { createHmac, timingSafeEqual } from "node:crypto";

export class WebhookVerificationError extends Error {}

export const CALENDLY_TOLERANCE_SECONDS = 180;
// The same window is applied to Stripe (stripe-webhook.ts) so a 4-minute-old replay fails for both.

/**
 * Calendly-Webhook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(key, t + "." + raw body)>.
 * Verified over the raw bytes as received (never a re-serialised body), timing-safe, and
 * rejected when older than Calendly's own 3-minute tolerance to stop replays.
 */
export function verifyCalendlySignature(rawBody: string, header: string | null, signingKey: string, now: Date = new Date()): void {
  if (!header) throw new WebhookVerificationError("Missing Calendly-Webhook-Signature header");
  const parts = new Map<string, string[]>();
  for (const piece of header.split(",")) {
    const [key, ...rest] = piece.trim().split("=");
    if (key && rest.length) parts.set(key, [...(parts.get(key) ?? []), rest.join("=")]);
  }
  const t = parts.get("t")?.[0];
  const signatures = parts.get("v1") ?? [];
  if (!t || !/^\d+$/.test(t) || !signatures.length) throw new WebhookVerificationError("Malformed Calendly-Webhook-Signature header");
  const age = now.getTime() / 1000 - Number(t);
  if (age > CALENDLY_TOLERANCE_SECONDS) throw new WebhookVerificationError("Calendly signature timestamp is too old");
  if (age < -CALENDLY_TOLERANCE_SECONDS) throw new WebhookVerificationError("Calendly signature timestamp is in the future");
  const expected = createHmac("sha256", signingKey).update(`${t}.${rawBody}`).digest();
  const valid = signatures.some((s) => {
    const given = Buffer.from(s, "hex");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!valid) throw new WebhookVerificationError("Calendly signature does not match");
}
