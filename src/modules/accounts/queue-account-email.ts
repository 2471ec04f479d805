import type { Tx } from "@/modules/shared/tx";
import type { AccountEmailPayload } from "./account-email-payload";

/**
 * Writes the outbox row for an account email; the outbox worker sends it (never the auth
 * request, which must not wait on or fail with the email provider). The caller dispatches
 * the outbox after this commits.
 */
export async function queueAccountEmail(
  tx: Tx,
  { userId, payload }: { userId: string; payload: AccountEmailPayload },
): Promise<{ id: string }> {
  return tx.outboxMessage.create({ data: { kind: "EMAIL_PASSWORD_RESET", userId, payload }, select: { id: true } });
}
