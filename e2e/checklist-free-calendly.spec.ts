// Deployment checklist, Test Case 1: an anonymous visitor books a free session that is
// scheduled through Calendly. Everything after "Confirm booking" runs on what the sandboxes
// deliver: the Calendly sandbox's signed invitee.created, processed by the job queue, and
// the SendGrid sandbox's inbox.
import { bookingIdFrom, expect, mailText, pickFirstSlot, sandboxes, test } from "./fixtures";

test("checklist 1: an anonymous visitor books Grace Hopper's free office hours through Calendly and is confirmed by its webhook", async ({
  page,
  inbox,
  calendly,
  unique,
}) => {
  const email = `${unique("calendly-free")}@example.test`;
  const name = "Frances Free";

  // Marketplace -> Grace Hopper -> "Office hours", whose times come from her Calendly.
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Find a builder" })).toBeVisible();
  const search = page.getByRole("search", { name: "Find a builder" });
  await search.getByRole("searchbox", { name: "Search" }).fill("Hopper");
  await search.getByRole("button", { name: "Search" }).click();
  const results = page.getByRole("region", { name: "Results" });
  await expect(results.getByRole("status")).toHaveText("Showing 1 builder.");
  await results.getByRole("link", { name: "Grace Hopper" }).click();
  await expect(page).toHaveURL(/\/builders\/grace-hopper$/);
  const officeHours = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Office hours" }) });
  await expect(officeHours).toContainText("30 min · Free");
  await expect(officeHours.getByTestId("calendly-note")).toHaveText("Times come from Grace Hopper's Calendly.");
  await officeHours.getByRole("link", { name: "Book Office hours" }).click();

  // The times on offer are Calendly's (the sandbox offers weekdays 09:00-17:00 UTC).
  await expect(page.getByRole("heading", { level: 1, name: "Book Office hours with Grace Hopper" })).toBeVisible();
  const start = await pickFirstSlot(page);
  const startAt = new Date(start);
  expect(startAt.getUTCDay(), "a weekday").not.toBe(0);
  expect(startAt.getUTCDay(), "a weekday").not.toBe(6);
  expect(startAt.getUTCHours()).toBeGreaterThanOrEqual(9);
  expect(startAt.getUTCHours()).toBeLessThan(17);
  expect([0, 30]).toContain(startAt.getUTCMinutes());

  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Your email").fill(email);
  await page.getByRole("button", { name: "Confirm booking" }).click();

  // On the Calendly sandbox's scheduling page, with our booking id as utm_content, the chosen
  // time preselected, the details prefilled and our booking page as return_url.
  await page.waitForURL((url) => url.origin === sandboxes.calendly);
  const calendlyUrl = new URL(page.url());
  // Grace's own Calendly user's page (she is a member of the platform's Calendly organization).
  expect(calendlyUrl.pathname).toBe("/grace/grace-office-hours");
  expect(calendlyUrl.searchParams.get("start_time")).toBe(start);
  const bookingId = calendlyUrl.searchParams.get("utm_content");
  expect(bookingId, "utm_content carries the booking id").toBeTruthy();
  const returnUrl = new URL(calendlyUrl.searchParams.get("return_url") ?? "");
  expect(bookingIdFrom(returnUrl.toString())).toBe(bookingId);
  expect(returnUrl.searchParams.get("token"), "anonymous bookers come back with a manage token").toBeTruthy();
  await expect(page.getByRole("heading", { level: 1, name: "Office hours" })).toBeVisible();
  await expect(page.getByTestId("selected-time")).toHaveText(
    `${startAt.toLocaleDateString("en-US", { timeZone: "UTC", dateStyle: "full" })}, ${startAt.toLocaleTimeString("en-US", { timeZone: "UTC", timeStyle: "short" })} UTC (30 min)`,
  );
  await expect(page.getByLabel("Name")).toHaveValue(name);
  await expect(page.getByLabel("Email")).toHaveValue(email);

  // "Schedule Event": the sandbox delivers a signed invitee.created, then sends the browser back.
  await page.getByRole("button", { name: "Schedule Event" }).click();
  await page.waitForURL((url) => url.pathname === `/bookings/${bookingId}`);

  const invitee = await calendly.inviteeFor(bookingId!);
  expect(invitee).toMatchObject({ email, name, status: "active" });
  expect(await calendly.deliveriesFor(invitee.uri)).toEqual([expect.objectContaining({ type: "invitee.created", status: 200 })]);

  // The page turns Confirmed by itself once the job queue has processed the webhook.
  await expect(page.getByTestId("booking-status")).toHaveAttribute("data-status", "CONFIRMED");
  await expect(page.getByRole("heading", { level: 1, name: "Booking confirmed" })).toBeVisible();
  await expect(page.getByTestId("booking-status")).toHaveText("Confirmed");
  await expect(page.getByTestId("payment-status")).toHaveAttribute("data-status", "NOT_REQUIRED");
  await expect(page.getByRole("region", { name: "Booking details" })).toContainText(`${name} (${email})`);

  // The confirmation email for this booking, with a manage link back to it.
  const mail = await inbox.waitFor({ to: email, subject: "Confirmed: Office hours with Grace Hopper", bookingId: bookingId! });
  expect(mail.body.custom_args).toMatchObject({ bookingId, kind: "EMAIL_CONFIRMATION" });
  const manageUrl = /Manage your booking: (\S+)/.exec(mailText(mail))?.[1];
  expect(manageUrl, "the email carries a manage link").toBeTruthy();
  expect(bookingIdFrom(manageUrl!)).toBe(bookingId);
});
