import { demo, expect, test } from "./fixtures";
import type { Page } from "@playwright/test";

// The Content-Security-Policy (src/proxy.ts) and the static security headers (next.config.js).
// Every e2e test already fails on a CSP violation (the cspViolations fixture); this spec checks
// the headers themselves, that the policy really is enforced, and walks the main pages.

const PAGES = ["/", "/sign-in", "/sign-up", "/builders/ada-lovelace", "/bookings", "/dashboard"];

type AnyResponse = { headers(): Record<string, string>; url(): string };

function policyOf(response: AnyResponse | null): Map<string, string[]> {
  const header = response?.headers()["content-security-policy"];
  expect(header, `Content-Security-Policy on ${response?.url()}`).toBeTruthy();
  return new Map(
    header!.split(";").map((d) => {
      const [name = "", ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

function nonceOf(policy: Map<string, string[]>): string {
  const nonce = /^'nonce-([A-Za-z0-9+/=]+)'$/.exec(policy.get("script-src")?.find((v) => v.startsWith("'nonce-")) ?? "")?.[1];
  expect(nonce, "script-src carries a nonce").toBeTruthy();
  return nonce!;
}

test("every page is served with a fresh nonce-based policy that its own scripts carry", async ({ request }) => {
  const seen = new Set<string>();
  for (const path of PAGES) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const policy = policyOf(response);
    expect(policy.get("script-src"), path).toEqual(["'self'", expect.stringMatching(/^'nonce-/), "'strict-dynamic'"]);
    expect(policy.get("frame-ancestors"), path).toEqual(["'none'"]);
    expect(policy.get("object-src"), path).toEqual(["'none'"]);
    expect(policy.get("base-uri"), path).toEqual(["'self'"]);
    expect(policy.get("form-action"), path).toEqual(["'self'"]);
    expect(
      [...policy.values()].flat().filter((v) => v.startsWith("'unsafe-")),
      `${path}: nothing unsafe in production`,
    ).toEqual([]);

    const headers = response.headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");

    // Rendered for this request: each executable script in the HTML has this response's nonce
    // (a page prerendered at build time would have none, and the browser would block it).
    const nonce = nonceOf(policy);
    seen.add(nonce);
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/type="application\/ld\+json"/.test(tag));
    expect(scripts.length, `${path} has scripts`).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
  }
  expect(seen.size, "a different nonce for every response").toBe(PAGES.length);
});

test("API routes, build assets and webhooks are outside the page policy", async ({ request }) => {
  const page = await request.get("/");
  const asset = /<script\b[^>]*\ssrc="(\/_next\/static\/[^"]+\.js)"/.exec(await page.text())?.[1];
  expect(asset, "a build asset linked from the page").toBeTruthy();
  const assetResponse = await request.get(asset!);
  expect(assetResponse.status()).toBe(200);
  expect(assetResponse.headers()["content-security-policy"]).toBeUndefined();

  const health = await request.get("/api/health");
  expect(health.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(health.headers()["x-content-type-options"]).toBe("nosniff");

  // An unsigned webhook still reaches its handler (and is refused there), body untouched by the proxy.
  const webhook = await request.post("/api/webhooks/stripe", { data: { id: "evt_unsigned" } });
  expect(webhook.status()).toBe(400);
});

/** React has hydrated the page: its root element carries React's fiber keys. */
async function expectHydrated(page: Page) {
  await expect
    .poll(() => page.evaluate(() => Object.keys(document.querySelector("main") ?? {}).some((k) => k.startsWith("__react"))))
    .toBe(true);
}

test("the main pages run under the policy without a single violation", async ({ page, signIn, cspViolations }) => {
  // Marketplace: the builder list is fetched by client-side code.
  policyOf(await page.goto("/"));
  await expectHydrated(page);
  const results = page.getByRole("region", { name: "Results" });
  await expect(results.getByRole("status")).toHaveText(/^Showing \d+ builders/);

  // A builder's profile, then a booking page (its week of times is fetched client-side).
  await results.getByRole("link", { name: "Ada Lovelace" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ada Lovelace" })).toBeVisible();
  await page.getByRole("link", { name: "Book Intro call" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Book Intro call with Ada Lovelace" })).toBeVisible();
  await expect(
    page
      .getByRole("region", { name: "Pick a time" })
      .getByRole("status")
      .filter({ hasText: /available times? this week|No available times/ }),
  ).toBeVisible();
  policyOf(await page.reload());
  await expectHydrated(page);

  // Sign-in and sign-up (client-side validation answers without a request).
  policyOf(await page.goto("/sign-in"));
  await expectHydrated(page);
  policyOf(await page.goto("/sign-up"));
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByText("Enter your name", { exact: true })).toBeVisible();

  // Signed in as a builder: the dashboard and my bookings.
  await signIn(demo.ada);
  policyOf(await page.goto("/dashboard"));
  await expectHydrated(page);
  policyOf(await page.goto("/dashboard/session-types"));
  await expect(page.getByRole("region", { name: "Session types" })).toBeVisible();
  policyOf(await page.goto("/bookings"));
  await expectHydrated(page);
  await expect(page.getByRole("heading", { level: 1, name: "My bookings" })).toBeVisible();

  expect(cspViolations).toEqual([]);
});

test("the policy is enforced, and a violation is caught by the suite's fixture", async ({ page, cspViolations }) => {
  await page.goto("/sign-in");
  await expectHydrated(page);
  // What markup injected into a page would try: an inline event handler (not covered by the
  // nonce) and an image beacon to another host. Neither may run or load.
  const ran = await page.evaluate(async () => {
    const w = window as unknown as { injected?: boolean };
    document.body.insertAdjacentHTML("beforeend", '<img alt="" src="https://evil.example/pixel.png">');
    document.body.insertAdjacentHTML("beforeend", '<button onclick="window.injected = true" id="inline-handler">x</button>');
    document.getElementById("inline-handler")?.click();
    await new Promise((resolve) => setTimeout(resolve, 100));
    return w.injected === true;
  });
  expect(ran, "an injected inline handler must not run").toBe(false);
  await expect.poll(() => cspViolations.join("\n")).toMatch(/img-src/);
  await expect.poll(() => cspViolations.join("\n")).toMatch(/script-src/);
  // Seen and checked: leave the fixture's own end-of-test check clean.
  cspViolations.length = 0;
});

test("the pages refuse to be framed by another site", async ({ page, baseURL }) => {
  // The framing page is on another origin (127.0.0.1 instead of localhost; both loopback, so
  // Chromium's private-network rules do not interfere). A stand-in page framed beside the app
  // is the control: framing works in this setup, so the refusal is the app's own.
  const other = new URL(baseURL!);
  other.hostname = "127.0.0.1";
  await page.route(`${other.origin}/__framer`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<iframe name="app" src="${baseURL}/sign-in"></iframe><iframe name="control" src="${other.origin}/__control"></iframe>`,
    }),
  );
  await page.route(`${other.origin}/__control`, (route) => route.fulfill({ contentType: "text/html", body: "<h1>control</h1>" }));
  await page.goto(`${other.origin}/__framer`);
  const frame = (name: string) => page.frame({ name });
  await expect.poll(() => frame("control")?.url()).toBe(`${other.origin}/__control`);
  await expect(page.frameLocator('iframe[name="control"]').getByRole("heading", { name: "control" })).toBeVisible();
  await expect.poll(() => frame("app")?.url()).toMatch(/^chrome-error:/);
  await expect(page.frameLocator('iframe[name="app"]').getByRole("heading", { name: "Sign in" })).toHaveCount(0);
});
