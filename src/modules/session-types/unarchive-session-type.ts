import type { Tx } from "@/modules/shared/tx";
import { notFound } from "@/core/errors";
import { ownSessionTypeSelect } from "./session-type-select";

/** The undo of archiving: the type is offered to clients again, with the same id, slug and price. */
export async function unarchiveSessionType(tx: Tx, { builderId, id }: { builderId: string; id: string }) {
  // Scoped by builderId: another builder's type is "not found", not "forbidden" (no existence leak).
  const { count } = await tx.sessionType.updateMany({ where: { id, builderId }, data: { active: true } });
  if (count !== 1) throw notFound("Session type");
  return tx.sessionType.findUniqueOrThrow({ where: { id }, select: ownSessionTypeSelect });
}
