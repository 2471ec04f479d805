// Maps the demo's Calendly-scheduled session types (Grace Hopper's) onto the sandbox's event
// types, through the same use-case a builder's "link to Calendly" uses. Runs on every start of
// the local stack: sandbox URIs derive from the username and slug, so the mapping stays valid
// across restarts, and a session type already mapped (by this or by its builder) is left alone.
import type { SandboxEventType } from "@booking/devstack";
import type { PrismaClient } from "../../src/generated/prisma/client";
import { linkCalendlyEventType } from "../../src/modules/session-types/link-calendly-event-type";
import { demoCalendlyMappings } from "./demo-data";

export async function mapDemoCalendlyTypes(db: PrismaClient, eventTypes: SandboxEventType[]): Promise<void> {
  for (const mapping of demoCalendlyMappings) {
    const eventType = eventTypes.find((et) => et.slug === mapping.eventTypeSlug);
    if (!eventType) continue;
    const sessionType = await db.sessionType.findFirst({
      where: { slug: mapping.sessionTypeSlug, builder: { slug: mapping.builderSlug }, calendlyEventTypeUri: null },
      select: { id: true, builderId: true },
    });
    if (!sessionType) continue;
    await linkCalendlyEventType(db, { builderId: sessionType.builderId, id: sessionType.id, eventType });
  }
}
