import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { accountEmailPayload } from "@/modules/accounts/account-email-payload";
import { renderAccountEmail } from "@/modules/accounts/emails/render-account-email";
import { MailSendError } from "@/modules/ports/mailer";
import type { OutboxClaim } from "./claim-outbox-message";
import type { OutboxDeps } from "./deliver-outbox-message";

/**
 * The provider call of an account email (EMAIL_PASSWORD_RESET): a row that names a user, not
 * a booking, with what to write in its payload (src/modules/accounts/account-email-payload.ts).
 * Runs as step 2 of claim, call, record, so no transaction is open. Once the email is sent the
 * payload is cleared: a reset link is a secret and must not outlive its delivery in the table.
 */
export async function deliverAccountEmail(
  db: PrismaClient,
  claim: OutboxClaim,
  deps: OutboxDeps,
): Promise<{ providerMessageId: string | null; statusCode: number | null }> {
  const row = await db.outboxMessage.findUniqueOrThrow({
    where: { id: claim.id },
    select: { payload: true, user: { select: { id: true, email: true, name: true } } },
  });
  // Cleared payload: an earlier attempt sent the email and stopped before recording it.
  // Sending nothing more is right: the link it carried is the one the owner has.
  if (row.payload === null) return { providerMessageId: null, statusCode: null };
  if (!row.user) throw new MailSendError("An account email without a user", false, null);
  const parsed = accountEmailPayload.safeParse(row.payload);
  if (!parsed.success) throw new MailSendError(`An account email with an unreadable payload: ${parsed.error.message}`, false, null);
  const payload = parsed.data;
  if (payload.template === "password-reset" && new Date(payload.expiresAt) <= new Date()) {
    // Sending a dead link helps nobody (the email was held up, e.g. by the pause lever); the
    // person asks again. The secret goes now: it is of no use to anyone.
    await clearPayload(db, claim.id);
    throw new MailSendError("The reset link expired before it could be sent", false, null);
  }

  const email = renderAccountEmail(payload, row.user, deps.baseUrl);
  const customArgs = { ...email.customArgs, userId: row.user.id, outboxId: claim.id, attempt: String(claim.attempt) };
  const result = await deps.mailer.send({ ...email, customArgs });
  await clearPayload(db, claim.id);
  return { providerMessageId: result.messageId, statusCode: result.statusCode };
}

async function clearPayload(db: PrismaClient, outboxId: string): Promise<void> {
  await db.outboxMessage.update({ where: { id: outboxId }, data: { payload: Prisma.DbNull } });
}
