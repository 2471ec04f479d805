import { createHash, randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/**
 * Stripe-looking ids (`cs_test_…`, `pi_…`, `evt_…`): a prefix plus base62
 * characters. Random rather than sequential so tests cannot come to depend on
 * an order the real provider does not give.
 */
export function randomId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let out = prefix;
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return out;
}

/**
 * A UUID derived from a seed (SHA-256, shaped like a v4 UUID). Used for the
 * Calendly host and event type URIs, which an app stores in its database
 * (SessionType.calendlyEventTypeUri): they must survive a sandbox restart.
 */
export function stableUuid(seed: string): string {
  const h = createHash("sha256").update(seed).digest("hex");
  const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
