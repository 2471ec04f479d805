// Links the demo's Calendly builders (Grace Hopper) to their own Calendly users and maps their
// session types onto their own event types, through the same use-cases as the dashboard's
// "Connect Calendly" and "Link to Calendly". Runs on every start of the local stack: sandbox
// URIs derive from usernames and slugs, so links and mappings stay valid across restarts, and a
// session type already mapped (by this or by its builder) is left alone. The sandbox forgets
// event type settings on restart, so the redirect of paid types to our page is set every time.
import type { SandboxEventType } from "@booking/devstack";
import type { PrismaClient } from "../../src/generated/prisma/client";
import type { CalendlyApi } from "../../src/modules/ports/calendly-api";
import { connectCalendlyUser } from "../../src/modules/calendly-account/connect-calendly-user";
import { listOwnEventTypes } from "../../src/modules/calendly-account/list-own-event-types";
import { linkCalendlyEventType } from "../../src/modules/session-types/link-calendly-event-type";
import { calendlyClient } from "../../src/server/providers/calendly-client";
import { CALENDLY_SCHEDULED_PATH, demoCalendlyMappings } from "./demo-data";

export type DemoCalendlyOptions = {
  /** The Calendly API (the sandbox's, through the app's own client by default). */
  calendly?: CalendlyApi;
  /** The sandbox's base URL, for its control routes (default CALENDLY_API_BASE). */
  sandboxUrl?: string;
  /** The app's base URL, where paid types redirect to once scheduled (default NEXT_PUBLIC_BASE_URL). */
  appBaseUrl?: string;
};

export async function mapDemoCalendlyTypes(
  db: PrismaClient,
  sandboxEventTypes: SandboxEventType[],
  options: DemoCalendlyOptions = {},
): Promise<void> {
  if (sandboxEventTypes.length === 0) return;
  const calendly = options.calendly ?? calendlyClient;
  for (const builderSlug of new Set(demoCalendlyMappings.map((m) => m.builderSlug))) {
    const builder = await db.builderProfile.findUnique({ where: { slug: builderSlug }, select: { id: true } });
    if (!builder) continue;
    await connectCalendlyUser({ db, calendly, builderId: builder.id });
    const own = await listOwnEventTypes({ db, calendly, builderId: builder.id });
    for (const mapping of demoCalendlyMappings.filter((m) => m.builderSlug === builderSlug)) {
      const eventType = own.find((et) => et.slug === mapping.eventTypeSlug);
      if (!eventType) continue;
      const sessionType = await db.sessionType.findFirst({
        where: { slug: mapping.sessionTypeSlug, builderId: builder.id },
        select: { id: true, priceCents: true, calendlyEventTypeUri: true },
      });
      if (!sessionType) continue;
      if (sessionType.calendlyEventTypeUri === null) {
        await linkCalendlyEventType(db, { builderId: builder.id, id: sessionType.id, eventType });
      }
      if (sessionType.priceCents > 0) await redirectToApp(eventType.uri, options);
    }
  }
}

/**
 * The sandbox's stand-in for the event type setting "redirect to an external site" (with event
 * details), which Calendly's API cannot set: in production the builder sets it in Calendly.
 */
async function redirectToApp(eventTypeUri: string, options: DemoCalendlyOptions): Promise<void> {
  const sandboxUrl = options.sandboxUrl ?? process.env.CALENDLY_API_BASE;
  const appBaseUrl = options.appBaseUrl ?? process.env.NEXT_PUBLIC_BASE_URL;
  if (!sandboxUrl || !appBaseUrl) return;
  const response = await fetch(`${sandboxUrl.replace(/\/$/, "")}/__sandbox/event-types/redirect`, {
    method: "POST",
    body: JSON.stringify({ eventTypeUri, redirectUrl: `${appBaseUrl.replace(/\/$/, "")}${CALENDLY_SCHEDULED_PATH}` }),
  });
  if (!response.ok) throw new Error(`The Calendly sandbox refused the redirect: ${response.status} ${await response.text()}`);
}
