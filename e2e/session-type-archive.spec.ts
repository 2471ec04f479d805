import { demo, expect, test } from "./fixtures";

test("a builder archives a session type only after confirming, finds it under Archived, and unarchives it", async ({
  page,
  request,
  signIn,
  unique,
}) => {
  const slug = unique("e2e-archive");
  const title = `Archive me ${slug.slice("e2e-archive-".length)}`;
  await signIn(demo.ada);
  await page.goto("/dashboard/session-types");
  const panel = page.getByRole("region", { name: "Session types" });
  const form = panel.getByRole("region", { name: "New session type" });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Slug").fill(slug);
  await form.getByLabel("Duration (minutes)").fill("30");
  await form.getByLabel("Price").fill("0");
  await form.getByRole("button", { name: "Create session type" }).click();
  await expect(panel.getByText(`Created “${title}”.`)).toBeVisible();

  const row = panel.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });
  await page.goto("/builders/ada-lovelace");
  const bookHref = await page.getByRole("link", { name: `Book ${title}` }).getAttribute("href");
  await page.goto("/dashboard/session-types");

  // The first click only asks; "Keep it" leaves the type live and gives focus back to the button.
  await row.getByRole("button", { name: `Archive ${title}` }).click();
  const confirm = row.getByRole("group", { name: `Archive “${title}”?` });
  await expect(confirm).toContainText("You can unarchive it later.");
  await expect(confirm.getByRole("button", { name: "Keep it" })).toBeFocused();
  await confirm.getByRole("button", { name: "Keep it" }).click();
  await expect(confirm).toBeHidden();
  await expect(row.getByRole("button", { name: `Archive ${title}` })).toBeFocused();
  expect((await request.get(bookHref!)).status()).toBe(200);

  await row.getByRole("button", { name: `Archive ${title}` }).click();
  await row.getByRole("button", { name: `Yes, archive ${title}` }).click();
  await expect(panel.getByText(`Archived “${title}”.`)).toBeVisible();
  const archived = panel.getByRole("region", { name: "Archived" });
  const archivedRow = archived.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });
  await expect(archivedRow).toContainText(`30 min · Free · /${slug}`);
  expect((await request.get(bookHref!)).status()).toBe(404);

  await archivedRow.getByRole("button", { name: `Unarchive ${title}` }).click();
  await expect(panel.getByText(`Unarchived “${title}”: clients can book it again.`)).toBeVisible();
  await expect(archivedRow).toBeHidden();
  await expect(panel.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) })).toBeVisible();
  expect((await request.get(bookHref!)).status()).toBe(200);
});
