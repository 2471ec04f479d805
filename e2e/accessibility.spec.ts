import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { demo, expect, test } from "./fixtures";

// axe-core on the pages people use most, after their content has loaded: no serious or
// critical violation of WCAG 2.1 A/AA. Lesser findings are printed, not failed.

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function expectNoSeriousViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const lesser = results.violations.filter((v) => !serious.includes(v));
  if (lesser.length > 0) console.log(`${label}: minor axe findings: ${lesser.map((v) => `${v.id} (${v.impact})`).join(", ")}`);
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`);
  expect(report, `serious or critical axe violations on ${label}`).toEqual([]);
}

test("the public pages have no serious accessibility violations", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator(".builder-card").first()).toBeVisible();
  await expectNoSeriousViolations(page, "the marketplace");

  await page.goto("/builders/ada-lovelace");
  await expect(page.getByRole("heading", { level: 1, name: "Ada Lovelace" })).toBeVisible();
  await expectNoSeriousViolations(page, "a builder profile");

  await page.getByRole("link", { name: "Book Intro call" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Book Intro call/ })).toBeVisible();
  await expect(page.locator('[data-testid^="slot-"]').first()).toBeVisible();
  await expectNoSeriousViolations(page, "a booking page");

  for (const [path, heading] of [
    ["/sign-in", "Sign in"],
    ["/sign-up", "Create an account"],
    ["/forgot-password", "Forgot your password?"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectNoSeriousViolations(page, path);
  }
});

test("the builder dashboard's pages have no serious accessibility violations", async ({ page, signIn }) => {
  await signIn(demo.ada);
  for (const [path, region] of [
    ["/dashboard", "Bookings"],
    ["/dashboard/session-types", "Session types"],
    ["/dashboard/availability", "Availability"],
    ["/dashboard/profile", "Profile"],
  ] as const) {
    await page.goto(path);
    const panel = page.getByRole("region", { name: region });
    await expect(panel).toBeVisible();
    // Loaded: no spinner left in the panel.
    await expect(panel.getByRole("status").filter({ hasText: /^Loading/ })).toHaveCount(0);
    await expectNoSeriousViolations(page, path);
  }
  await page.goto("/dashboard/profile/preview");
  await expect(page.getByRole("heading", { level: 1, name: "Ada Lovelace" })).toBeVisible();
  await expectNoSeriousViolations(page, "/dashboard/profile/preview");
});
