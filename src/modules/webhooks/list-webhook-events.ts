import type { Prisma } from "@/generated/prisma/client";
import type { WebhookProvider, WebhookStatus } from "@/generated/prisma/enums";
import type { Tx } from "@/modules/shared/tx";

export type WebhookFilter = { provider?: WebhookProvider; status?: WebhookStatus; type?: string };

const summary = {
  id: true,
  provider: true,
  externalId: true,
  type: true,
  status: true,
  receivedAt: true,
  processedAt: true,
  attempts: true,
  lastError: true,
  bookingId: true,
} satisfies Prisma.WebhookEventSelect;

/** One page of the inbox, newest first, with the total for the filter and the types seen (for the filter list). */
export async function listWebhookEvents(db: Tx, { filter, page, pageSize }: { filter: WebhookFilter; page: number; pageSize: number }) {
  const where: Prisma.WebhookEventWhereInput = {
    ...(filter.provider && { provider: filter.provider }),
    ...(filter.status && { status: filter.status }),
    ...(filter.type && { type: filter.type }),
  };
  const [items, total, types] = await Promise.all([
    db.webhookEvent.findMany({
      where,
      select: summary,
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    db.webhookEvent.count({ where }),
    db.webhookEvent.findMany({ distinct: ["type"], select: { type: true }, orderBy: { type: "asc" }, take: 100 }),
  ]);
  return { items, total, page, pageSize, types: types.map((t) => t.type) };
}
