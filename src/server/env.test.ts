import { describe, expect, it } from "vitest";
import { parseServerEnv } from "./env";

const complete = {
  DATABASE_URL: "postgresql://localhost/booking",
  BETTER_AUTH_SECRET: "s".repeat(32),
  CALENDLY_API_TOKEN: "token",
  CALENDLY_USERNAME: "someone",
  CALENDLY_WEBHOOK_SIGNING_KEY: "key",
  STRIPE_SECRET_KEY: "sk_test_1",
  STRIPE_PUBLISHABLE_KEY: "pk_test_1",
  STRIPE_WEBHOOK_SECRET: "whsec_1",
  SENDGRID_API_KEY: "SG.1",
  SENDGRID_FROM_EMAIL: "noreply@example.com",
};

describe("environment validation at start-up", () => {
  it("names every missing variable in one message", () => {
    expect(() => parseServerEnv({ DATABASE_URL: "postgresql://x" })).toThrow(
      /STRIPE_SECRET_KEY: is missing[\s\S]*SENDGRID_FROM_EMAIL: is missing[\s\S]*See \.env\.example/,
    );
  });

  it("explains malformed values", () => {
    expect(() => parseServerEnv({ ...complete, STRIPE_SECRET_KEY: "pk_wrong" })).toThrow(
      /STRIPE_SECRET_KEY: STRIPE_SECRET_KEY must start with sk_/,
    );
    expect(() => parseServerEnv({ ...complete, SENDGRID_FROM_EMAIL: "not-an-email" })).toThrow(/SENDGRID_FROM_EMAIL/);
    expect(() => parseServerEnv({ ...complete, HOLD_MINUTES: "10" })).toThrow(/HOLD_MINUTES/);
  });

  it("treats empty values copied from .env.example as unset and applies the defaults", () => {
    const env = parseServerEnv({
      ...complete,
      STRIPE_API_BASE: "",
      CALENDLY_API_BASE: "",
      REFUND_FULL_HOURS_BEFORE: "",
      WEBHOOKS_PAUSED: "",
    });
    expect(env).toMatchObject({
      STRIPE_API_BASE: "https://api.stripe.com",
      CALENDLY_API_BASE: "https://api.calendly.com",
      SENDGRID_API_BASE: "https://api.sendgrid.com",
      REFUND_FULL_HOURS_BEFORE: 24,
      HOLD_MINUTES: 30,
      WEBHOOKS_PAUSED: false,
      RUN_WORKERS: true,
    });
  });
});
