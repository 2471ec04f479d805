import type { Tx } from "@/modules/shared/tx";
import { ownSessionTypeSelect } from "./session-type-select";

/** Public: the active session types of a published builder. */
export function listActiveSessionTypes(tx: Tx, builderId: string) {
  return tx.sessionType.findMany({
    where: { builderId, active: true, builder: { published: true } },
    orderBy: [{ priceCents: "asc" }, { title: "asc" }],
    select: { id: true, title: true, slug: true, description: true, durationMinutes: true, priceCents: true, currency: true },
  });
}

/** The builder's own list, archived included. */
export function listOwnSessionTypes(tx: Tx, builderId: string) {
  return tx.sessionType.findMany({
    where: { builderId },
    orderBy: [{ active: "desc" }, { title: "asc" }],
    select: ownSessionTypeSelect,
  });
}
