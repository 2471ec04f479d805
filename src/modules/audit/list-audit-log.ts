import type { Prisma } from "@/generated/prisma/client";
import { ADMIN_PAGE_SIZE, type ListAuditInput } from "@/core/validation/admin-bookings";
import type { Tx } from "@/modules/shared/tx";

/** The audit log, newest first, filtered by action, target and actor; offset pages with a total. */
export async function listAuditLog(db: Tx, input: Omit<ListAuditInput, "page"> & { page: number }) {
  const and: Prisma.AuditLogWhereInput[] = [];
  if (input.action) and.push({ action: { contains: input.action, mode: "insensitive" } });
  if (input.targetType) and.push({ targetType: { equals: input.targetType, mode: "insensitive" } });
  if (input.targetId) and.push({ targetId: input.targetId });
  if (input.actor) {
    and.push({
      actor: { OR: [{ email: { contains: input.actor, mode: "insensitive" } }, { name: { contains: input.actor, mode: "insensitive" } }] },
    });
  }
  const where = { AND: and };
  const [total, rows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (input.page - 1) * ADMIN_PAGE_SIZE,
      take: ADMIN_PAGE_SIZE,
      include: { actor: { select: { name: true, email: true } } },
    }),
  ]);
  return {
    total,
    page: input.page,
    pageSize: ADMIN_PAGE_SIZE,
    items: rows.map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      reason: r.reason,
      before: r.before,
      after: r.after,
      actorName: r.actor.name,
      actorEmail: r.actor.email,
    })),
  };
}
