import type { Tx } from "@/modules/shared/tx";
import { notFound } from "@/core/errors";
import { ownSessionTypeSelect } from "./session-type-select";

/** Archiving hides the type from clients; existing bookings stay as they are. */
export async function archiveSessionType(tx: Tx, { builderId, id }: { builderId: string; id: string }) {
  const { count } = await tx.sessionType.updateMany({ where: { id, builderId }, data: { active: false } });
  if (count !== 1) throw notFound("Session type");
  return tx.sessionType.findUniqueOrThrow({ where: { id }, select: ownSessionTypeSelect });
}
