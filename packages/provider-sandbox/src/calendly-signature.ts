// Calendly's webhook signature: header `Calendly-Webhook-Signature:
// t=<unix seconds>,v1=<hex HMAC-SHA256(signingKey, "<t>.<raw body>")>`.
// Shared by the sandbox (to sign deliveries) and tests (to sign hand-made or
// stale events the same way Calendly does).
import { createHmac } from "node:crypto";

export const CALENDLY_SIGNATURE_HEADER = "Calendly-Webhook-Signature";

export function signCalendlyPayload(rawBody: string, signingKey: string, timestampSeconds?: number): string {
  const t = timestampSeconds ?? Math.floor(Date.now() / 1000);
  const v1 = createHmac("sha256", signingKey).update(`${t}.${rawBody}`).digest("hex");
  return `t=${t},v1=${v1}`;
}
