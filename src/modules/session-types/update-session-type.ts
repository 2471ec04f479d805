import type { Tx } from "@/modules/shared/tx";
import { AppError, notFound } from "@/core/errors";
import { isUniqueViolation } from "@/modules/shared/db-errors";
import type { SessionTypeFields } from "./create-session-type";
import { ownSessionTypeSelect } from "./session-type-select";

export type UpdateSessionTypeInput = { builderId: string; id: string } & Partial<SessionTypeFields>;

/**
 * Scoped by builder in the WHERE: another builder's session type is simply not found.
 * Existing bookings keep their own price snapshot, so a price change never alters them.
 */
export async function updateSessionType(tx: Tx, { builderId, id, ...changes }: UpdateSessionTypeInput) {
  try {
    const { count } = await tx.sessionType.updateMany({ where: { id, builderId }, data: changes });
    if (count !== 1) throw notFound("Session type");
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `You already have a session type "${changes.slug}"`);
    throw error;
  }
  return tx.sessionType.findUniqueOrThrow({ where: { id }, select: ownSessionTypeSelect });
}
