import { z } from "zod";

// What an account email (OutboxKind EMAIL_PASSWORD_RESET) carries in OutboxMessage.payload.
// The row names its user; the payload says which email to write. A reset link is a secret:
// the payload is cleared once the email is sent (account-email.ts in outbox-delivery).

export const accountEmailPayload = z.discriminatedUnion("template", [
  /** "Reset your password": better-auth's link, usable once until expiresAt. */
  z.object({ template: z.literal("password-reset"), url: z.url(), expiresAt: z.iso.datetime() }),
  /**
   * Someone signed up with an address that already has an account. The sign-up answer is the
   * same as for a new address (docs/decisions/0024-account-enumeration.md); only the owner
   * learns of it, here. No secret: the links to sign in and to reset are built at delivery.
   */
  z.object({ template: z.literal("existing-account") }),
]);

export type AccountEmailPayload = z.infer<typeof accountEmailPayload>;
