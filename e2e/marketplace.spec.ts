import { bookingIdFrom, expect, mailText, pickFirstSlot, test } from "./fixtures";

test("an anonymous visitor finds a builder, books a free session and gets a working confirmation email", async ({
  page,
  inbox,
  unique,
}) => {
  const email = `${unique("anon")}@example.test`;

  // Browse: the full marketplace, then a search that narrows it to one builder.
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Find a builder" })).toBeVisible();
  const results = page.getByRole("region", { name: "Results" });
  const cards = results.getByRole("heading", { level: 3 });
  // (.or(alert): if loading fails, the report shows the error the page displays.)
  await expect(results.getByRole("status").or(results.getByRole("alert"))).toHaveText(/^Showing \d+ builders/);
  expect(await cards.count()).toBeGreaterThan(1);
  await expect(results.getByRole("link", { name: "Ada Lovelace" })).toBeVisible();

  const search = page.getByRole("search", { name: "Find a builder" });
  await search.getByRole("searchbox", { name: "Search" }).fill("Hamilton");
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/[?&]q=Hamilton\b/);
  await expect(results.getByRole("status")).toHaveText("Showing 1 builder.");
  await expect(cards).toHaveCount(1);
  await expect(results.getByRole("link", { name: "Ada Lovelace" })).toHaveCount(0);

  // Profile: lists the builder's sessions with prices.
  await results.getByRole("link", { name: "Margaret Hamilton" }).click();
  await expect(page).toHaveURL(/\/builders\/margaret-h$/);
  await expect(page.getByRole("heading", { level: 1, name: "Margaret Hamilton" })).toBeVisible();
  const quickQuestion = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Quick question" }) });
  await expect(quickQuestion).toContainText("15 min · Free");
  await quickQuestion.getByRole("link", { name: "Book Quick question" }).click();

  // Book: pick a time, give a name and email (no account), confirm.
  await expect(page.getByRole("heading", { level: 1, name: "Book Quick question with Margaret Hamilton" })).toBeVisible();
  await pickFirstSlot(page);
  await expect(page.getByRole("heading", { name: "Your details" })).toBeVisible();
  await page.getByLabel("Your name").fill("Erin Example");
  await page.getByLabel("Your email").fill(email);
  await page.getByRole("button", { name: "Confirm booking" }).click();

  // Confirmation page, reached with the manage token anonymous bookers get.
  await expect(page).toHaveURL(/\/bookings\/[^/?]+\?token=.+/);
  const bookingId = bookingIdFrom(page.url());
  await expect(page.getByRole("heading", { level: 1, name: "Booking confirmed" })).toBeVisible();
  await expect(page.getByTestId("booking-status")).toHaveAttribute("data-status", "CONFIRMED");
  await expect(page.getByTestId("booking-status")).toHaveText("Confirmed");
  await expect(page.getByTestId("payment-status")).toHaveAttribute("data-status", "NOT_REQUIRED");
  await expect(page.getByRole("region", { name: "Booking details" })).toContainText(`Erin Example (${email})`);

  // The confirmation email goes to that address, about this booking...
  const mail = await inbox.waitFor({ to: email, subject: "Confirmed: Quick question with Margaret Hamilton", bookingId });
  const manageUrl = /Manage your booking: (\S+)/.exec(mailText(mail))?.[1];
  expect(manageUrl, "the email carries a manage link").toBeTruthy();

  // ...and its manage link opens the booking in a fresh browser context (no cookies, token only).
  const fresh = await page.context().browser()!.newContext();
  try {
    const other = await fresh.newPage();
    await other.goto(manageUrl!);
    expect(bookingIdFrom(other.url())).toBe(bookingId);
    await expect(other.getByRole("heading", { level: 1, name: "Booking confirmed" })).toBeVisible();
    await expect(other.getByTestId("booking-status")).toHaveAttribute("data-status", "CONFIRMED");
  } finally {
    await fresh.close();
  }
});
