import type { Tx } from "@/modules/shared/tx";
import { notFound } from "@/core/errors";

/** Public profile: unpublished builders are invisible, archived session types hidden. */
export async function getBuilderBySlug(tx: Tx, slug: string) {
  const builder = await tx.builderProfile.findFirst({
    where: { slug, published: true },
    select: {
      id: true,
      slug: true,
      displayName: true,
      headline: true,
      bio: true,
      tags: true,
      timeZone: true,
      sessionTypes: {
        where: { active: true },
        orderBy: [{ priceCents: "asc" }, { title: "asc" }],
        select: {
          id: true,
          title: true,
          slug: true,
          description: true,
          durationMinutes: true,
          priceCents: true,
          currency: true,
          calendlyEventTypeUri: true,
        },
      },
    },
  });
  if (!builder) throw notFound("Builder");
  // Which types are scheduled through Calendly, never the event type itself.
  const sessionTypes = builder.sessionTypes.map(({ calendlyEventTypeUri, ...st }) => ({
    ...st,
    viaCalendly: calendlyEventTypeUri !== null,
  }));
  return { ...builder, sessionTypes };
}
