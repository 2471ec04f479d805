import { createHash, timingSafeEqual } from "node:crypto";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * True when the Authorization header is "Bearer <secret>". Compared as SHA-256 digests with
 * timingSafeEqual: equal lengths whatever was sent, so the time taken reveals nothing of the secret.
 */
export function isAuthorizedCron(authorization: string | null, secret: string): boolean {
  const match = /^Bearer (.+)$/i.exec(authorization ?? "");
  const token = match?.[1] ?? "";
  // Always compare (an empty token too), so a missing header costs the same as a wrong one.
  return timingSafeEqual(digest(token), digest(secret)) && match !== null;
}
