import { notFound } from "@/core/errors";
import type { Tx } from "@/modules/shared/tx";

export type CalendlyAccount = {
  /** The builder's account email: the one their Calendly user must have. */
  email: string;
  /** Their Calendly user, once linked. */
  calendlyUserUri: string | null;
  /** Session types scheduled through Calendly: while there are any, the link stays. */
  mappedSessionTypes: { id: string; title: string }[];
};

/** Where a builder stands with Calendly, for the dashboard and the use-cases that change it. */
export async function getCalendlyAccount(tx: Tx, { builderId }: { builderId: string }): Promise<CalendlyAccount> {
  const builder = await tx.builderProfile.findUnique({
    where: { id: builderId },
    select: {
      calendlyUserUri: true,
      user: { select: { email: true } },
      sessionTypes: {
        where: { calendlyEventTypeUri: { not: null } },
        select: { id: true, title: true },
        orderBy: { title: "asc" },
      },
    },
  });
  if (!builder) throw notFound("Builder");
  return { email: builder.user.email, calendlyUserUri: builder.calendlyUserUri, mappedSessionTypes: builder.sessionTypes };
}
