// Issue 8's console journey: a client pays for a booking (Stripe sandbox, signed events), an
// admin finds it in /admin/bookings, cancels it with a full refund from the booking page (a
// reason and a confirmation), the refund goes out through the outbox (booking REFUNDED, refund
// notice in the inbox) and the action is in /admin/audit. A client gets the ordinary 404.
import type { Page } from "@playwright/test";
import { bookingIdFrom, demo, expect, pickFirstSlot, sandboxes, test, type SignInOptions } from "./fixtures";

type SignIn = (email: string, options?: SignInOptions) => Promise<void>;

async function switchTo(page: Page, signIn: SignIn, email: string) {
  await page.context().clearCookies();
  await signIn(email);
}

/** A paid, confirmed booking of Ada's architecture review, made through the UI as the client. */
async function paidBooking(page: Page): Promise<string> {
  await page.goto("/builders/ada-lovelace");
  const review = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Architecture review" }) });
  await review.getByRole("link", { name: "Book Architecture review" }).click();
  await pickFirstSlot(page);
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await page.waitForURL((url) => url.origin === sandboxes.stripe && url.pathname.startsWith("/pay/"));
  await page.getByRole("button", { name: "Pay" }).click();
  await page.waitForURL(/\/bookings\/[^/?]+/);
  const bookingId = bookingIdFrom(page.url());
  await expect(page.getByTestId("payment-status")).toHaveAttribute("data-status", "PAID");
  return bookingId;
}

test("an admin cancels a paid booking with a full refund from the console, sees it refunded and in the audit log", async ({
  page,
  signIn,
  inbox,
  unique,
}) => {
  await signIn(demo.client);
  const bookingId = await paidBooking(page);

  await switchTo(page, signIn, demo.admin);
  await page.goto(`/admin/bookings?clientEmail=${encodeURIComponent(demo.client)}&paymentStatus=PAID`);
  await expect(page.getByRole("heading", { level: 1, name: "Bookings" })).toBeVisible();
  const row = page.locator(`tr[data-booking-id="${bookingId}"]`);
  await expect(row).toContainText("Ada Lovelace");
  await row.getByRole("link").first().click();

  await page.waitForURL((url) => url.pathname === `/admin/bookings/${bookingId}`);
  await expect(page.getByTestId("booking-status")).toHaveText("Confirmed");
  await expect(page.getByTestId("booking-payment")).toHaveText("Paid");
  const timeline = page.getByTestId("booking-timeline");
  await expect(timeline).toContainText("checkout.session.completed");
  await expect(timeline).toContainText("PENDING / UNPAID → CONFIRMED / PAID");

  const reason = unique("Builder unavailable, refund in full");
  await page.getByRole("button", { name: "Cancel booking" }).click();
  await page.getByLabel("Full refund").check();
  await page.getByLabel(/^Reason/).fill(reason);
  await page.getByRole("button", { name: "Cancel booking" }).click();
  // A money action asks again, saying what will happen.
  await expect(page.getByText(/This cancels the booking and refunds the full payment/)).toBeVisible();
  await page.getByRole("button", { name: "Yes, cancel and refund" }).click();

  // The refund call leaves through the outbox; the page follows it to REFUNDED.
  await expect(page.getByTestId("booking-status")).toHaveText("Cancelled");
  await expect(page.getByTestId("booking-payment")).toHaveText("Refunded", { timeout: 20_000 });
  await expect(timeline).toContainText("booking.cancel");
  await expect(timeline).toContainText("STRIPE_REFUND");
  const notice = await inbox.waitFor({ to: demo.client, subject: /^Refund issued: /, bookingId }, 20_000);
  expect(notice.body.custom_args).toMatchObject({ bookingId, kind: "EMAIL_REFUND_NOTICE" });

  await page.goto(`/admin/audit?targetId=${bookingId}`);
  const audit = page.getByTestId("audit-table");
  await expect(audit).toContainText("booking.cancel");
  await expect(audit).toContainText(reason);
  await expect(audit).toContainText(demo.admin);
});

test("a client gets the ordinary 404 at /admin/bookings and no booking data", async ({ page, signIn }) => {
  await signIn(demo.client);
  const response = await page.goto("/admin/bookings");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Bookings" })).toHaveCount(0);
  const api = await page.request.get(`/api/trpc/admin.bookings.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`);
  expect(api.status()).toBe(403);
});
