import { demo, expect, mailText, test, type SandboxMail } from "./fixtures";

const REQUESTED = "If an account exists for that address, we've sent a link to choose a new password.";

function resetLinkIn(mail: SandboxMail): string {
  const link = /https?:\/\/\S+\/api\/auth\/reset-password\/\S+/.exec(mailText(mail))?.[0];
  expect(link, "a reset link in the email").toBeTruthy();
  return link!;
}

test("a person who forgot their password asks for a link, sets a new password with it once, and signs in", async ({
  page,
  inbox,
  unique,
}) => {
  // A fresh account (the demo accounts' passwords are shared by every spec).
  const email = `${unique("reset")}@example.test`;
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Reset Person");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("the-first-password-1");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByText(/^Signed in as/)).toBeVisible();
  await page.context().clearCookies();

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByRole("status")).toContainText(REQUESTED);

  const mail = await inbox.waitFor({ to: email, subject: "Reset your Builder Bookings password" });
  const link = resetLinkIn(mail);
  await page.goto(link);
  await expect(page).toHaveURL(/\/reset-password\?token=/);
  await page.getByRole("textbox", { name: "New password", exact: true }).fill("the-second-password-2");
  await page.getByLabel("New password again").fill("the-second-password-X");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("The two passwords do not match")).toBeVisible();
  await page.getByLabel("New password again").fill("the-second-password-2");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password is changed");

  await page.getByRole("link", { name: "Sign in with your new password" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("the-second-password-2");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/^Signed in as/)).toBeVisible();

  // The link worked once: opened again, it says so and offers a new one.
  await page.goto(link);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("This reset link has expired or was already used");
  await page.getByRole("link", { name: "Ask for a new link" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
});

test("the forgot-password page answers an unknown address exactly like a known one", async ({ page, inbox, unique }) => {
  const nobody = `${unique("nobody")}@example.test`;
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(nobody);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByRole("status")).toContainText(REQUESTED);
  expect(await inbox.to(nobody)).toEqual([]);
});

test("signing up with a registered address does not say so; the owner is emailed instead", async ({ page, inbox }) => {
  const before = (await inbox.to(demo.grace)).length;
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Not Grace");
  await page.getByLabel("Email").fill(demo.grace);
  await page.getByLabel("Password").fill("not-graces-password-1");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("If this address already has an account, we have emailed it");
  await expect(page.getByRole("main").getByRole("alert")).not.toContainText(/already (registered|exists)/i);
  const mail = await inbox.waitFor({ to: demo.grace, subject: "You already have a Builder Bookings account" });
  expect(mailText(mail)).toContain("/forgot-password");
  expect((await inbox.to(demo.grace)).length).toBe(before + 1);
});
