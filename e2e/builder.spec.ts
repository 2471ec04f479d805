import { demo, expect, test } from "./fixtures";

test("a builder creates a session type on the dashboard and it is offered on their public profile", async ({ page, signIn, unique }) => {
  const slug = unique("e2e-pairing");
  const title = `Pairing ${slug.slice("e2e-pairing-".length)}`;
  await signIn(demo.ada);

  // The dashboard's sections are pages of their own, reached from its navigation.
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  const sections = page.getByRole("navigation", { name: "Dashboard sections" });
  await expect(sections.getByRole("link", { name: "Bookings" })).toHaveAttribute("aria-current", "page");
  await sections.getByRole("link", { name: "Session types" }).click();
  await expect(page).toHaveURL(/\/dashboard\/session-types$/);
  await expect(page).toHaveTitle("Session types · Builder Bookings");
  await expect(sections.getByRole("link", { name: "Session types" })).toHaveAttribute("aria-current", "page");
  const panel = page.getByRole("region", { name: "Session types" });
  const form = panel.getByRole("region", { name: "New session type" });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Slug").fill(slug);
  await form.getByLabel("Description").fill("Bring a failing test; we fix it together.");
  await form.getByLabel("Duration (minutes)").fill("45");
  await form.getByLabel("Price").fill("0");
  await form.getByRole("button", { name: "Create session type" }).click();

  // Listed on the dashboard with its details, and the form is reset for the next one.
  await expect(panel.getByText(`Created “${title}”.`)).toBeVisible();
  const row = panel.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });
  await expect(row).toContainText(`45 min · Free · /${slug}`);
  await expect(form.getByLabel("Title")).toHaveValue("");

  // Offered on Ada's public profile, and bookable (its booking page shows open times).
  await page.goto("/builders/ada-lovelace");
  await expect(page.getByRole("heading", { level: 1, name: "Ada Lovelace" })).toBeVisible();
  const offered = page
    .getByRole("region", { name: "Sessions" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: title }) });
  await expect(offered).toContainText("45 min · Free");
  await expect(offered).toContainText("Bring a failing test; we fix it together.");
  await offered.getByRole("link", { name: `Book ${title}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Book ${title} with Ada Lovelace` })).toBeVisible();
  await expect(page.locator('[data-testid^="slot-"]').first()).toBeVisible();
});
