import type { Prisma } from "@/generated/prisma/client";
import type { OutboxKind, OutboxStatus } from "@/generated/prisma/enums";
import { ADMIN_PAGE_SIZE, type OUTBOX_KINDS, type ListOutboxInput } from "@/core/validation/admin-bookings";
import type { Tx } from "@/modules/shared/tx";

// The console's kinds must be exactly the schema's: a kind added to one side fails here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
type _KindsMatch = Assert<Same<(typeof OUTBOX_KINDS)[number], OutboxKind>>;

/** What needs an operator when no status is chosen. */
const NEEDS_OPERATOR: OutboxStatus[] = ["PENDING", "FAILED", "ABANDONED"];

/** Outbox messages, newest first, with their booking's client for context; offset pages with a total. */
export async function listOutbox(db: Tx, input: Omit<ListOutboxInput, "page"> & { page: number }) {
  const where: Prisma.OutboxMessageWhereInput = {
    status: input.status ? input.status : { in: NEEDS_OPERATOR },
    ...(input.kind ? { kind: input.kind } : {}),
  };
  const [total, rows] = await Promise.all([
    db.outboxMessage.count({ where }),
    db.outboxMessage.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (input.page - 1) * ADMIN_PAGE_SIZE,
      take: ADMIN_PAGE_SIZE,
      select: {
        id: true,
        kind: true,
        status: true,
        attempts: true,
        lastError: true,
        lastStatusCode: true,
        createdAt: true,
        availableAt: true,
        sentAt: true,
        bookingId: true,
        booking: { select: { clientEmail: true } },
      },
    }),
  ]);
  return {
    total,
    page: input.page,
    pageSize: ADMIN_PAGE_SIZE,
    items: rows.map(({ booking, ...row }) => ({ ...row, clientEmail: booking?.clientEmail ?? null })),
  };
}
