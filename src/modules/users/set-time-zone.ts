import { AppError, notFound } from "@/core/errors";
import { isValidTimeZone } from "@/core/time/time-zone";
import type { Tx } from "@/modules/shared/tx";

/**
 * Remembers the zone a signed-in user reads times in, so every device shows the zone they
 * picked. The zone is validated again here: use-cases never trust that an adapter did.
 */
export async function setUserTimeZone(tx: Tx, { userId, timeZone }: { userId: string; timeZone: string }): Promise<{ timeZone: string }> {
  if (!isValidTimeZone(timeZone)) throw new AppError("VALIDATION", "Unknown IANA time zone");
  const updated = await tx.user.updateMany({ where: { id: userId }, data: { timeZone } });
  if (updated.count === 0) throw notFound("User");
  return { timeZone };
}
