import { AppError } from "@/core/errors";
import type { CalendlyApi } from "@/modules/ports/calendly-api";
import { isUniqueViolation } from "@/modules/shared/db-errors";
import type { Tx } from "@/modules/shared/tx";
import { getCalendlyAccount, type CalendlyAccount } from "./calendly-account";

/**
 * Links a builder to their own Calendly user: the member of the platform's Calendly
 * organization with the builder's account email (the platform invites builders into it). The
 * Calendly lookup runs before any write, outside any transaction. Once types are mapped to one
 * user's event types, switching to another user would orphan them, so that is refused.
 */
export async function connectCalendlyUser({
  db,
  calendly,
  builderId,
}: {
  db: Tx;
  calendly: Pick<CalendlyApi, "findMember">;
  builderId: string;
}): Promise<CalendlyAccount> {
  const account = await getCalendlyAccount(db, { builderId });
  const member = await calendly.findMember(account.email);
  if (!member) {
    throw new AppError(
      "UNPROCESSABLE",
      `No Calendly user with ${account.email} in our Calendly organization: ask us for an invitation, accept it, then connect again`,
    );
  }
  if (account.calendlyUserUri === member.userUri) return account;
  if (account.calendlyUserUri && account.mappedSessionTypes.length > 0) {
    throw new AppError("CONFLICT", `Unlink ${titles(account)} from Calendly before connecting another Calendly user`);
  }
  try {
    const { count } = await db.builderProfile.updateMany({
      where: { id: builderId, calendlyUserUri: account.calendlyUserUri },
      data: { calendlyUserUri: member.userUri },
    });
    if (count !== 1) throw new AppError("CONFLICT", "Your Calendly connection changed meanwhile: reload and try again");
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "That Calendly user is already connected to another builder");
    throw error;
  }
  return { ...account, calendlyUserUri: member.userUri };
}

export function titles(account: CalendlyAccount): string {
  return account.mappedSessionTypes.map((t) => `"${t.title}"`).join(", ");
}
