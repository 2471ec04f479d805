import { readFileSync } from "node:fs";
import { localProviderDefaults } from "@booking/devstack/local-defaults";
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

  it("serving settings: defaults when unset, refused when out of range", () => {
    expect(parseServerEnv(complete)).toMatchObject({
      DATABASE_POOL_SIZE: 10,
      API_MAX_IN_FLIGHT: 256,
      COMPRESS_RESPONSES: false,
      SESSION_COOKIE_CACHE_SECONDS: 300,
      SENTRY_TRACES_SAMPLE_RATE: 0,
    });
    expect(parseServerEnv({ ...complete, DATABASE_POOL_SIZE: "25", SESSION_COOKIE_CACHE_SECONDS: "0" })).toMatchObject({
      DATABASE_POOL_SIZE: 25,
      SESSION_COOKIE_CACHE_SECONDS: 0,
    });
    for (const [name, value] of [
      ["DATABASE_POOL_SIZE", "0"],
      ["API_MAX_IN_FLIGHT", "many"],
      ["COMPRESS_RESPONSES", "maybe"],
      ["SESSION_COOKIE_CACHE_SECONDS", "-1"],
      ["SENTRY_TRACES_SAMPLE_RATE", "2"],
    ]) {
      expect(() => parseServerEnv({ ...complete, [name!]: value }), name).toThrow(new RegExp(name!));
    }
  });
});

describe("production configuration fails closed", () => {
  const production = {
    ...complete,
    NODE_ENV: "production",
    DIRECT_URL: "postgresql://db.example.com/booking",
    NEXT_PUBLIC_BASE_URL: "https://www.example.com",
    BETTER_AUTH_SECRET: "a-real-secret-of-more-than-32-characters",
    CALENDLY_WEBHOOK_URL: "https://www.example.com/api/webhooks/calendly",
    STRIPE_WEBHOOK_URL: "https://www.example.com/api/webhooks/stripe",
    CRON_SECRET: "a-real-cron-secret-of-some-length",
  };

  it("accepts a complete production configuration", () => {
    expect(parseServerEnv(production)).toMatchObject({ NODE_ENV: "production", NEXT_PUBLIC_BASE_URL: "https://www.example.com" });
  });

  it("requires every deployment-checklist variable, listed in one message", () => {
    const {
      DIRECT_URL: _d,
      NEXT_PUBLIC_BASE_URL: _b,
      CALENDLY_WEBHOOK_URL: _c,
      STRIPE_SECRET_KEY: _s,
      SENDGRID_API_KEY: _g,
      CRON_SECRET: _cron,
      ...rest
    } = production;
    let message = "";
    try {
      parseServerEnv(rest);
    } catch (e) {
      message = (e as Error).message;
    }
    for (const name of [
      "DIRECT_URL",
      "NEXT_PUBLIC_BASE_URL",
      "CALENDLY_WEBHOOK_URL",
      "STRIPE_SECRET_KEY",
      "SENDGRID_API_KEY",
      "CRON_SECRET",
    ]) {
      expect(message).toContain(`  - ${name}: is missing`);
    }
    expect(message).toMatch(/NODE_ENV=production/);
    expect(message).not.toMatch(/STRIPE_WEBHOOK_URL|BETTER_AUTH_SECRET/);
  });

  it("refuses every secret published in @booking/devstack/local-defaults", () => {
    const notSecrets = [
      "CALENDLY_USERNAME",
      "STRIPE_PUBLISHABLE_KEY",
      "STRIPE_SUPPRESS_NOTICES",
      "SENDGRID_FROM_EMAIL",
      "NEXT_TELEMETRY_DISABLED",
    ];
    const secrets = Object.entries(localProviderDefaults).filter(([name]) => !notSecrets.includes(name));
    expect(secrets.map(([name]) => name)).toContain("BETTER_AUTH_SECRET");
    for (const [name, value] of secrets) {
      expect(() => parseServerEnv({ ...production, [name]: value }), name).toThrow(new RegExp(`${name}: ${name} is a value published`));
    }
    expect(() => parseServerEnv({ ...production, BETTER_AUTH_SECRET: "my-local-only-secret-of-32-characters-or-more" })).toThrow(
      /BETTER_AUTH_SECRET/,
    );
  });

  it("refuses the placeholders of .env.example as they stand", () => {
    const example = Object.fromEntries(
      readFileSync(new URL("../../.env.example", import.meta.url), "utf8")
        .split("\n")
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
    );
    expect(example.NODE_ENV).toBe("production");
    expect(() => parseServerEnv(example)).toThrow(/BETTER_AUTH_SECRET[\s\S]*CALENDLY_API_TOKEN[\s\S]*STRIPE_SECRET_KEY[\s\S]*CRON_SECRET/);
  });

  it("wants a CRON_SECRET of 16+ characters in production only", () => {
    expect(() => parseServerEnv({ ...production, CRON_SECRET: "short" })).toThrow(
      /CRON_SECRET: CRON_SECRET must be at least 16 characters/,
    );
    expect(parseServerEnv({ ...production, CRON_SECRET: "x".repeat(16) }).CRON_SECRET).toBe("x".repeat(16));
    expect(parseServerEnv(complete).CRON_SECRET).toBeUndefined();
    expect(parseServerEnv({ ...complete, CRON_SECRET: "" }).CRON_SECRET).toBeUndefined();
  });

  it("wants the public https address, not this machine", () => {
    expect(() => parseServerEnv({ ...production, NEXT_PUBLIC_BASE_URL: "http://www.example.com" })).toThrow(
      /NEXT_PUBLIC_BASE_URL: NEXT_PUBLIC_BASE_URL must be an https URL/,
    );
    for (const host of ["localhost:3000", "127.0.0.1", "[::1]"]) {
      expect(() => parseServerEnv({ ...production, STRIPE_WEBHOOK_URL: `https://${host}/api/webhooks/stripe` }), host).toThrow(
        /STRIPE_WEBHOOK_URL: STRIPE_WEBHOOK_URL must be the public address/,
      );
    }
  });

  it("lets the local launchers' production build run on local defaults (ALLOW_LOCAL_DEFAULTS=true)", () => {
    const local = { ...complete, ...localProviderDefaults, NODE_ENV: "production", NEXT_PUBLIC_BASE_URL: "http://localhost:3000" };
    expect(() => parseServerEnv(local)).toThrow(/BETTER_AUTH_SECRET/);
    expect(parseServerEnv({ ...local, ALLOW_LOCAL_DEFAULTS: "true" })).toMatchObject({ NODE_ENV: "production" });
  });

  it("keeps development and test on their defaults", () => {
    for (const NODE_ENV of [undefined, "development", "test"]) {
      const env = parseServerEnv({ ...complete, ...localProviderDefaults, NODE_ENV });
      expect(env.NEXT_PUBLIC_BASE_URL).toBe("http://localhost:3000");
      expect(env.DIRECT_URL).toBeUndefined();
    }
  });
});
