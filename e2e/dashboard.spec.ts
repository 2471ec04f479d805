import { expect, test } from "./fixtures";

test("a new builder previews their unpublished profile, which the public cannot see, then publishes it", async ({
  page,
  request,
  unique,
}) => {
  const email = `${unique("preview")}@example.test`;
  const name = `Preview ${unique("builder")}`;
  await page.goto("/sign-up?next=/dashboard");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("preview-password-1");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  const become = page.getByRole("region", { name: "Become a builder" });
  const slug = (await become.getByLabel("Profile URL slug").inputValue()) || unique("preview");
  await become.getByLabel("Profile URL slug").fill(slug);
  await become.getByLabel("Headline").fill("Reviews pull requests kindly");
  await become.getByRole("button", { name: "Become a builder" }).click();

  // Each section is a page with its own title, reached from the section navigation.
  const sections = page.getByRole("navigation", { name: "Dashboard sections" });
  await expect(page.getByRole("region", { name: "At a glance" })).toContainText("Profile: not published");
  for (const [link, title] of [
    ["Session types", "Session types"],
    ["Availability", "Availability"],
    ["Profile", "Profile"],
    ["Bookings", "Dashboard"],
  ] as const) {
    await sections.getByRole("link", { name: link }).click();
    await expect(page).toHaveTitle(`${title} · Builder Bookings`);
    await expect(sections.getByRole("link", { name: link })).toHaveAttribute("aria-current", "page");
  }

  expect((await request.get(`/builders/${slug}`)).status()).toBe(404);
  await sections.getByRole("link", { name: "Profile" }).click();
  await page.getByRole("link", { name: "Preview your profile" }).click();
  await expect(page).toHaveURL(/\/dashboard\/profile\/preview$/);
  await expect(page.getByText("Your profile is not published: only you can see this.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("Reviews pull requests kindly")).toBeVisible();
  await expect(sections.getByRole("link", { name: "Profile" })).toHaveAttribute("aria-current", "page");

  await page.getByRole("link", { name: "Back to your profile" }).click();
  await page.getByRole("button", { name: "Publish profile" }).click();
  await expect(page.getByTestId("profile-published")).toHaveText("Published");
  expect((await request.get(`/builders/${slug}`)).status()).toBe(200);
});
