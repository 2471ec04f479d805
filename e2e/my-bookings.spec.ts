import { bookingIdFrom, demo, expect, mailText, pickFirstSlot, test } from "./fixtures";

test("a signed-in client books a free session, finds it under My bookings and cancels it with a reason", async ({
  page,
  signIn,
  inbox,
  unique,
}) => {
  const reason = `Something came up (${unique("reason")})`;
  await signIn(demo.client);

  // Book Radia Perlman's free intro call as the signed-in client: no name/email to type.
  await page.goto("/builders/radia-p");
  await page.getByRole("link", { name: "Book Intro call" }).click();
  await pickFirstSlot(page);
  await expect(page.getByText("Booking as Casey Client (client@demo.test)")).toBeVisible();
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Booking confirmed" })).toBeVisible();
  const bookingId = bookingIdFrom(page.url());
  expect(new URL(page.url()).searchParams.has("token"), "account bookings need no manage token").toBe(false);

  // My bookings: the booking is listed as upcoming and confirmed.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My bookings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My bookings" })).toBeVisible();
  const upcoming = page.getByRole("region", { name: "Upcoming" });
  const past = page.getByRole("region", { name: "Past and cancelled" });
  const inUpcoming = upcoming.getByRole("listitem").filter({ has: page.locator(`a[href="/bookings/${bookingId}"]`) });
  await expect(inUpcoming).toContainText("Intro call");
  await expect(inUpcoming).toContainText("with Radia Perlman");
  await expect(inUpcoming.getByTestId("booking-status")).toHaveAttribute("data-status", "CONFIRMED");

  // Cancel it with a reason (two-step confirm).
  await inUpcoming.getByRole("button", { name: /^Cancel booking/ }).click();
  await inUpcoming.getByLabel("Reason (optional)").fill(reason);
  await inUpcoming.getByRole("button", { name: "Yes, cancel booking" }).click();

  // It moves to "Past and cancelled", marked cancelled, with the reason.
  const inPast = past.getByRole("listitem").filter({ has: page.locator(`a[href="/bookings/${bookingId}"]`) });
  await expect(inPast.getByTestId("booking-status")).toHaveAttribute("data-status", "CANCELLED");
  await expect(inPast.getByTestId("booking-status")).toHaveText("Cancelled");
  await expect(inPast).toContainText(`Reason: ${reason}`);
  await expect(inUpcoming).toHaveCount(0);
  await expect(inPast.getByRole("button", { name: /^Cancel booking/ })).toHaveCount(0);

  // The booking page agrees after a reload (the cancellation is stored, not just client state).
  await page.goto(`/bookings/${bookingId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Booking cancelled" })).toBeVisible();
  await expect(page.getByTestId("booking-status")).toHaveAttribute("data-status", "CANCELLED");
  await expect(page.getByText(`Cancelled by the client: ${reason}`)).toBeVisible();

  // The client is told by email, with the reason.
  const mail = await inbox.waitFor({ to: demo.client, subject: "Cancelled: Intro call with Radia Perlman", bookingId });
  expect(mailText(mail)).toContain(reason);
});
