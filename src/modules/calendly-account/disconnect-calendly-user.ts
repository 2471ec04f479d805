import { AppError } from "@/core/errors";
import type { Tx } from "@/modules/shared/tx";
import { getCalendlyAccount, type CalendlyAccount } from "./calendly-account";
import { titles } from "./connect-calendly-user";

/**
 * Unlinks the builder's Calendly user. Refused while a session type is still scheduled
 * through Calendly: its bookings would arrive from a host we no longer recognise (and be refused).
 */
export async function disconnectCalendlyUser(tx: Tx, { builderId }: { builderId: string }): Promise<CalendlyAccount> {
  const account = await getCalendlyAccount(tx, { builderId });
  if (account.mappedSessionTypes.length > 0) {
    throw new AppError("CONFLICT", `Unlink ${titles(account)} from Calendly first: clients book them there`);
  }
  // Conditional: not connected changes nothing, and a type mapped meanwhile keeps the link.
  await tx.builderProfile.updateMany({
    where: { id: builderId, calendlyUserUri: { not: null }, sessionTypes: { none: { calendlyEventTypeUri: { not: null } } } },
    data: { calendlyUserUri: null },
  });
  return getCalendlyAccount(tx, { builderId });
}
