import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce } from "./content-security-policy";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((d) => {
      const [name = "", ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe("contentSecurityPolicy", () => {
  const production = directives(contentSecurityPolicy({ nonce: "bm9uY2U=", development: false }));

  it("runs only scripts carrying the request's nonce (and what they load), never eval or inline code", () => {
    expect(production.get("script-src")).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(production.get("style-src")).toEqual(["'self'", "'nonce-bm9uY2U='"]);
    expect(production.get("default-src")).toEqual(["'self'"]);
  });

  it("forbids framing, plugins, base-URL and form-target hijacking", () => {
    expect(production.get("frame-ancestors")).toEqual(["'none'"]);
    expect(production.get("object-src")).toEqual(["'none'"]);
    expect(production.get("base-uri")).toEqual(["'self'"]);
    expect(production.get("form-action")).toEqual(["'self'"]);
  });

  it("talks to no other host when Sentry is not configured", () => {
    expect(production.get("connect-src")).toEqual(["'self'"]);
    expect(production.has("report-uri")).toBe(false);
    expect([...production.values()].flat().filter((v) => v.includes("://"))).toEqual([]);
  });

  it("allows 'unsafe-eval' and inline styles only in development", () => {
    const dev = directives(contentSecurityPolicy({ nonce: "n", development: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("style-src")).toContain("'unsafe-inline'");
    expect(production.get("script-src")).not.toContain("'unsafe-eval'");
    expect([...production.values()].flat()).not.toContain("'unsafe-inline'");
  });

  it("lets the browser SDK reach Sentry's ingest host, and reports violations there", () => {
    const policy = directives(
      contentSecurityPolicy({ nonce: "n", development: false, sentryDsn: "https://abc123@o42.ingest.sentry.io/4507" }),
    );
    expect(policy.get("connect-src")).toEqual(["'self'", "https://o42.ingest.sentry.io"]);
    expect(policy.get("report-uri")).toEqual(["https://o42.ingest.sentry.io/api/4507/security/?sentry_key=abc123"]);
  });

  it("ignores an empty or malformed DSN rather than widening the policy", () => {
    for (const sentryDsn of ["", "not a url", "https://o42.ingest.sentry.io/4507", "javascript://k@x/1"]) {
      const policy = directives(contentSecurityPolicy({ nonce: "n", development: false, sentryDsn }));
      expect(policy.get("connect-src"), sentryDsn).toEqual(["'self'"]);
      expect(policy.has("report-uri"), sentryDsn).toBe(false);
    }
  });
});

describe("createNonce", () => {
  it("is 128 random bits in base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 50 }, () => createNonce()));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
