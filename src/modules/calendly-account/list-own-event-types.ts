import { AppError } from "@/core/errors";
import type { CalendlyApi, CalendlyEventType } from "@/modules/ports/calendly-api";
import type { Tx } from "@/modules/shared/tx";
import { getCalendlyAccount } from "./calendly-account";

/** The builder's own Calendly event types (hosted by their user only), to map session types to. */
export async function listOwnEventTypes({
  db,
  calendly,
  builderId,
}: {
  db: Tx;
  calendly: Pick<CalendlyApi, "listEventTypes">;
  builderId: string;
}): Promise<CalendlyEventType[]> {
  const { calendlyUserUri } = await getCalendlyAccount(db, { builderId });
  if (!calendlyUserUri) throw new AppError("UNPROCESSABLE", "Connect your Calendly first");
  return calendly.listEventTypes(calendlyUserUri);
}
