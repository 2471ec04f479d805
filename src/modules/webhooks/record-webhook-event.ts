import type { WebhookProvider } from "@/generated/prisma/enums";
import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/modules/shared/tx";

export type RecordedEvent = { id: string; isNew: boolean; status: string };

/**
 * Records a verified provider event in the inbox before it is acknowledged. The unique
 * (provider, externalId) makes redeliveries land on the same row: only the first caller
 * gets isNew, and concurrent duplicates cannot create a second row.
 */
export async function recordWebhookEvent(
  tx: Tx,
  input: { provider: WebhookProvider; externalId: string; type: string; payload: Prisma.InputJsonValue },
): Promise<RecordedEvent> {
  const inserted = await tx.$queryRaw<{ id: string; status: string }[]>`
    INSERT INTO "WebhookEvent" (id, provider, "externalId", type, payload, status, "receivedAt", attempts)
    VALUES (gen_random_uuid()::text, ${input.provider}::"WebhookProvider", ${input.externalId}, ${input.type},
            ${JSON.stringify(input.payload)}::jsonb, 'RECEIVED', now(), 0)
    ON CONFLICT (provider, "externalId") DO NOTHING
    RETURNING id, status::text`;
  if (inserted[0]) return { ...inserted[0], isNew: true };
  const existing = await tx.webhookEvent.findUniqueOrThrow({
    where: { provider_externalId: { provider: input.provider, externalId: input.externalId } },
    select: { id: true, status: true },
  });
  return { ...existing, isNew: false };
}
