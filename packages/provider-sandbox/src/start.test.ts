import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxOptionsFromEnv, startAllSandboxes } from "./start";
import type { RunningSandboxes } from "./start";

let all: RunningSandboxes;

beforeAll(async () => {
  all = await startAllSandboxes({ stripePort: 0, sendgridPort: 0, calendlyPort: 0, appBaseUrl: "http://127.0.0.1:1/" });
});
afterAll(() => all.close());

describe("startAllSandboxes", () => {
  it("starts all three and gives the app the env that points at them", async () => {
    expect(all.env).toMatchObject({
      STRIPE_API_BASE: all.urls.stripe,
      SENDGRID_API_BASE: all.urls.sendgrid,
      CALENDLY_API_BASE: all.urls.calendly,
      STRIPE_WEBHOOK_SECRET: "whsec_sandbox",
      CALENDLY_API_TOKEN: "calendly_sandbox_token",
      CALENDLY_WEBHOOK_SIGNING_KEY: "calendly_sandbox_signing_key",
      CALENDLY_USERNAME: "sandbox",
    });
    expect(all.stripe.webhookUrl).toBe("http://127.0.0.1:1/api/webhooks/stripe");
    expect(all.calendly.webhookUrl).toBe("http://127.0.0.1:1/api/webhooks/calendly");
    const inbox = await fetch(`${all.urls.sendgrid}/`);
    expect(inbox.status).toBe(200);
    const types = await fetch(`${all.urls.calendly}/event_types?user=${encodeURIComponent(all.calendly.user.uri)}`, {
      headers: { Authorization: "Bearer calendly_sandbox_token" },
    });
    const { collection } = (await types.json()) as { collection: Array<{ slug: string; scheduling_url: string }> };
    expect(collection.map((c) => c.slug)).toEqual(["intro-call", "deep-dive"]);
    expect(collection[0]?.scheduling_url).toBe(`${all.urls.calendly}/sandbox/intro-call`);
  });

  it("keeps Calendly URIs stable across restarts (apps store them)", async () => {
    const again = await startAllSandboxes({ stripePort: 0, sendgridPort: 0, calendlyPort: 0 });
    try {
      const path = (uri: string): string => new URL(uri).pathname;
      const first = [...all.calendly.state.eventTypes.values()].map((e) => path(e.uri));
      const second = [...again.calendly.state.eventTypes.values()].map((e) => path(e.uri));
      expect(second).toEqual(first);
      expect(path(again.calendly.user.uri)).toBe(path(all.calendly.user.uri));
    } finally {
      await again.close();
    }
  });

  it("reads ports and secrets from the environment with the documented defaults", () => {
    expect(sandboxOptionsFromEnv({})).toMatchObject({ stripePort: 12111, sendgridPort: 12112, calendlyPort: 12113 });
    expect(sandboxOptionsFromEnv({ STRIPE_SANDBOX_PORT: "4000", STRIPE_WEBHOOK_SECRET: "whsec_x" })).toMatchObject({
      stripePort: 4000,
      stripeWebhookSecret: "whsec_x",
    });
    expect(() => sandboxOptionsFromEnv({ CALENDLY_SANDBOX_PORT: "abc" })).toThrow(/Invalid port/);
  });
});
