import { createHash, createHmac, timingSafeEqual } from "node:crypto";

// Anonymous clients manage a booking with a bearer token. The token is derived from the
// booking id with a server secret, so every email can carry the manage link again without
// the token ever being stored; the database keeps only its SHA-256, so a leaked table
// reveals no usable tokens. Rotating the secret invalidates old links (documented).

export function manageTokenFor(bookingId: string, secret: string): { token: string; hash: string } {
  const token = createHmac("sha256", secret).update(`manage:${bookingId}`).digest("base64url");
  return { token, hash: hashManageToken(token) };
}

export function hashManageToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function manageTokenMatches(token: string | undefined, hash: string | null): boolean {
  if (!token || !hash) return false;
  const a = Buffer.from(hashManageToken(token), "hex");
  const b = Buffer.from(hash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
