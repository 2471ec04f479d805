// The demo's Calendly wiring against a real Calendly sandbox: Grace Hopper linked to her own
// Calendly user (through the connect use-case) before her session types are mapped onto her own
// event types, and her paid type redirected to our page once scheduled.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SandboxEventType } from "@booking/devstack";
import { startProviderHarness, type ProviderHarness } from "../../src/testing/provider-harness";
import { CALENDLY_SCHEDULED_PATH, demoCalendlyEventTypes } from "./demo-data";
import { mapDemoCalendlyTypes } from "./map-demo-calendly-types";
import { seedDemoData } from "./seed-demo-data";

let h: ProviderHarness;
let sandboxTypes: SandboxEventType[];
beforeAll(async () => {
  h = await startProviderHarness();
  await seedDemoData(h.db);
  // As the local stack's start does: the seeds go to the sandbox as they are.
  sandboxTypes = demoCalendlyEventTypes.map((seed) => {
    const et = h.calendly.addEventType(seed);
    return {
      uri: et.uri,
      name: seed.name,
      slug: seed.slug,
      durationMinutes: seed.durationMinutes,
      schedulingUrl: et.scheduling_url,
      active: true,
    };
  });
});
afterAll(async () => h.close());

const mapped = () =>
  h.db.sessionType.findMany({
    where: { calendlyEventTypeUri: { not: null } },
    select: { slug: true, calendlyEventTypeUri: true, builder: { select: { slug: true } } },
    orderBy: { slug: "asc" },
  });

describe("mapDemoCalendlyTypes", () => {
  it("links Grace to her own Calendly user, maps her types to her event types, and redirects the paid one to our page", async () => {
    await mapDemoCalendlyTypes(h.db, sandboxTypes, { sandboxUrl: h.calendly.url, appBaseUrl: "http://app.test" });
    const grace = h.calendly.state.userByEmail("grace@demo.test");
    expect(grace?.slug).toBe("grace");
    const profiles = await h.db.builderProfile.findMany({
      where: { slug: { in: ["grace-hopper", "ada-lovelace"] } },
      select: { slug: true, calendlyUserUri: true },
      orderBy: { slug: "asc" },
    });
    expect(profiles).toEqual([
      { slug: "ada-lovelace", calendlyUserUri: null },
      { slug: "grace-hopper", calendlyUserUri: grace?.uri },
    ]);
    const [officeHours, codeReview] = sandboxTypes;
    expect(await mapped()).toEqual([
      { slug: "code-review", calendlyEventTypeUri: codeReview?.uri, builder: { slug: "grace-hopper" } },
      { slug: "office-hours", calendlyEventTypeUri: officeHours?.uri, builder: { slug: "grace-hopper" } },
    ]);
    expect(codeReview?.schedulingUrl).toBe(`${h.calendly.url}/grace/grace-code-review`);
    expect(Object.fromEntries(h.calendly.state.redirects)).toEqual({ [codeReview!.uri]: `http://app.test${CALENDLY_SCHEDULED_PATH}` });
  });

  it("runs again on every start without changing a mapping", async () => {
    const before = await mapped();
    await mapDemoCalendlyTypes(h.db, sandboxTypes, { sandboxUrl: h.calendly.url, appBaseUrl: "http://app.test" });
    expect(await mapped()).toEqual(before);
  });

  it("does nothing without a sandbox (real Calendly configured)", async () => {
    const requests = h.calendly.requests.length;
    await mapDemoCalendlyTypes(h.db, []);
    expect(h.calendly.requests.length).toBe(requests);
  });
});
