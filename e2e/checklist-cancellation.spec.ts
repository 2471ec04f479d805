// Deployment checklist, Test Case 3: a booking scheduled through Calendly is cancelled ON
// Calendly (the invitee's cancellation page). Our app learns it only from the signed
// invitee.canceled the Calendly sandbox delivers.
import { bookingIdFrom, expect, findSlot, mailText, pickFirstSlot, sandboxes, test } from "./fixtures";

test("checklist 3: cancelling a Calendly-scheduled booking on Calendly cancels it here, emails the client and frees the time", async ({
  page,
  inbox,
  calendly,
  unique,
}) => {
  const email = `${unique("calendly-cancel")}@example.test`;
  const reason = `Double-booked (${unique("reason")})`;

  // A confirmed booking of Grace's free office hours, scheduled on Calendly (as in case 1).
  await page.goto("/builders/grace-hopper");
  await page.getByRole("link", { name: "Book Office hours" }).click();
  const start = await pickFirstSlot(page);
  await page.getByLabel("Your name").fill("Carl Cancel");
  await page.getByLabel("Your email").fill(email);
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await page.waitForURL((url) => url.origin === sandboxes.calendly);
  await page.getByRole("button", { name: "Schedule Event" }).click();
  await page.waitForURL(/\/bookings\/[^/?]+\?token=/);
  const bookingPage = page.url();
  const bookingId = bookingIdFrom(bookingPage);
  const status = page.getByTestId("booking-status");
  await expect(status).toHaveAttribute("data-status", "CONFIRMED");
  await inbox.waitFor({ to: email, subject: "Confirmed: Office hours with Grace Hopper", bookingId });

  // The invitee's cancel link, as Calendly would put it in its own emails.
  const invitee = await calendly.inviteeFor(bookingId);
  expect(invitee).toMatchObject({ email, status: "active" });
  expect(new URL(invitee.cancel_url).origin).toBe(sandboxes.calendly);

  // Cancel on Calendly's page, with a reason.
  await page.goto(invitee.cancel_url);
  await expect(page.getByRole("heading", { level: 1, name: "Cancel event" })).toBeVisible();
  await page.getByLabel("Reason for canceling").fill(reason);
  await page.getByRole("button", { name: "Cancel Event" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cancellation confirmed" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Office hours");

  // Calendly delivered the signed invitee.canceled and the app accepted it.
  expect(await calendly.inviteeFor(bookingId)).toMatchObject({
    status: "canceled",
    cancellation: { reason, canceler_type: "invitee" },
  });
  expect((await calendly.deliveriesFor(invitee.uri)).map((d) => [d.type, d.status])).toEqual([
    ["invitee.created", 200],
    ["invitee.canceled", 200],
  ]);

  // Our booking page shows it cancelled once the job queue has processed the event (a
  // confirmed booking's page does not poll: reload until it does).
  await page.goto(bookingPage);
  await expect(async () => {
    await page.reload();
    await expect(status).toHaveAttribute("data-status", "CANCELLED", { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await expect(status).toHaveText("Cancelled");
  await expect(page.getByRole("heading", { level: 1, name: "Booking cancelled" })).toBeVisible();
  await expect(page.getByText(`Cancelled by the client on Calendly: ${reason}`)).toBeVisible();
  await expect(page.getByRole("button", { name: /^Cancel booking/ })).toHaveCount(0);

  // The client is told by email, with Calendly's reason.
  const mail = await inbox.waitFor({ to: email, subject: "Cancelled: Office hours with Grace Hopper", bookingId });
  expect(mail.body.custom_args).toMatchObject({ bookingId, kind: "EMAIL_CANCELLATION" });
  expect(mailText(mail)).toContain(reason);

  // The time is free again: offered on our booking page (Calendly and our app both released it).
  await page.goto("/builders/grace-hopper");
  await page.getByRole("link", { name: "Book Office hours" }).click();
  await expect(await findSlot(page, start)).toBeVisible();
});
