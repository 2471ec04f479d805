// Deployment checklist, Test Cases 2 and 4: a signed-in client books paid sessions. Payment
// happens on the Stripe sandbox's Checkout page, which delivers signed
// checkout.session.completed + payment_intent.succeeded before sending the browser back;
// scheduling (Grace's types) on the Calendly sandbox's page, which delivers invitee.created.
import type { Page } from "@playwright/test";
import { bookingIdFrom, demo, expect, mailText, pickFirstSlot, sandboxes, test, type Inbox } from "./fixtures";
import { expectOnGraceCodeReviewCalendly } from "./support/grace-calendly-page";

/** On the Stripe sandbox's Checkout page: checks the amount and the item, and pays. */
async function payOnStripeCheckout(page: Page, { amount, item }: { amount: string; item: string }) {
  await page.waitForURL((url) => url.origin === sandboxes.stripe && url.pathname.startsWith("/pay/"));
  await expect(page.getByRole("heading", { level: 1, name: "Checkout" })).toBeVisible();
  await expect(page.getByTestId("amount-total")).toHaveText(amount);
  await expect(page.getByTestId("currency")).toHaveText("USD");
  await expect(page.getByRole("table", { name: "Order summary" })).toContainText(item);
  await expect(page.getByLabel("Email")).toHaveValue(demo.client);
  await page.getByRole("button", { name: "Pay" }).click();
}

/** Confirmation and receipt both arrive for this booking, once each. */
async function expectConfirmationAndReceipt(inbox: Inbox, bookingId: string, session: string, amount: string) {
  const confirmation = await inbox.waitFor({ to: demo.client, subject: `Confirmed: ${session}`, bookingId });
  expect(confirmation.body.custom_args).toMatchObject({ bookingId, kind: "EMAIL_CONFIRMATION" });
  const receipt = await inbox.waitFor({ to: demo.client, subject: `Receipt: ${session}`, bookingId });
  expect(receipt.body.custom_args).toMatchObject({ bookingId, kind: "EMAIL_PAYMENT_RECEIPT" });
  expect(mailText(receipt)).toContain(`We received your payment of ${amount}.`);
  // Two Stripe events report the one payment; neither email is sent twice. (This can only
  // catch a duplicate that has already arrived: it never fails spuriously.)
  const subjects = (await inbox.to(demo.client))
    .filter((m) => JSON.stringify(m.body).includes(bookingId))
    .map((m) => m.body.subject)
    // A session inside the reminder lead time is also reminded at once (decision 0025).
    .filter((subject) => !subject?.startsWith("Reminder: "))
    .sort();
  expect(subjects).toEqual([`Confirmed: ${session}`, `Receipt: ${session}`]);
}

test("checklist 2+4: a signed-in client schedules Grace Hopper's paid code review on Calendly, pays on Stripe and is confirmed and paid", async ({
  page,
  signIn,
  inbox,
  calendly,
}) => {
  await signIn(demo.client);
  await page.goto("/builders/grace-hopper");
  const codeReview = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Code review" }) });
  await expect(codeReview).toContainText("60 min · $99.00");
  await codeReview.getByRole("link", { name: "Book Code review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Book Code review with Grace Hopper" })).toBeVisible();
  const start = await pickFirstSlot(page);
  await expect(page.getByText("Booking as Casey Client (client@demo.test)")).toBeVisible();
  await page.getByRole("button", { name: "Confirm booking" }).click();

  // Calendly first (scheduling), with the booking id as utm_content and the chosen time.
  const bookingId = await expectOnGraceCodeReviewCalendly(page, sandboxes.calendly, start);
  await expect(page.getByLabel("Name")).toHaveValue("Casey Client");
  await expect(page.getByLabel("Email")).toHaveValue(demo.client);
  await page.getByRole("button", { name: "Schedule Event" }).click();

  // Calendly sends the client to our page, which opens Checkout once invitee.created is in.
  await page.waitForURL((url) => url.origin === sandboxes.stripe, { timeout: 30_000 });
  const invitee = await calendly.inviteeFor(bookingId);
  expect(await calendly.deliveriesFor(invitee.uri)).toEqual([expect.objectContaining({ type: "invitee.created", status: 200 })]);
  await payOnStripeCheckout(page, { amount: "$99.00", item: "Code review with Grace Hopper" });

  // Back on our booking page, which turns Confirmed and Paid once the payment is processed.
  await page.waitForURL((url) => url.pathname === `/bookings/${bookingId}`);
  expect(bookingIdFrom(page.url())).toBe(bookingId);
  await expect(page.getByTestId("booking-status")).toHaveAttribute("data-status", "CONFIRMED");
  await expect(page.getByRole("heading", { level: 1, name: "Booking confirmed" })).toBeVisible();
  await expect(page.getByTestId("payment-status")).toHaveAttribute("data-status", "PAID");
  await expect(page.getByTestId("payment-status")).toHaveText("Paid");
  await expect(page.getByRole("button", { name: "Complete payment" })).toHaveCount(0);

  await expectConfirmationAndReceipt(inbox, bookingId, "Code review with Grace Hopper", "$99.00");
  // Still one live Calendly event for it: paying does not touch the scheduling.
  expect(await calendly.inviteeFor(bookingId)).toMatchObject({ uri: invitee.uri, status: "active" });
});

test("checklist 4: a signed-in client books Ada Lovelace's paid architecture review (no Calendly), pays on Stripe and is confirmed and paid", async ({
  page,
  signIn,
  inbox,
}) => {
  await signIn(demo.client);
  await page.goto("/builders/ada-lovelace");
  const review = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Architecture review" }) });
  await expect(review).toContainText("60 min · $150.00");
  await review.getByRole("link", { name: "Book Architecture review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Book Architecture review with Ada Lovelace" })).toBeVisible();
  await pickFirstSlot(page);
  await expect(page.getByText("Booking as Casey Client (client@demo.test)")).toBeVisible();
  await page.getByRole("button", { name: "Confirm booking" }).click();

  // Straight to Stripe Checkout.
  await payOnStripeCheckout(page, { amount: "$150.00", item: "Architecture review with Ada Lovelace" });

  await page.waitForURL(/\/bookings\/[^/?]+/);
  const bookingId = bookingIdFrom(page.url());
  await expect(page.getByTestId("booking-status")).toHaveAttribute("data-status", "CONFIRMED");
  await expect(page.getByRole("heading", { level: 1, name: "Booking confirmed" })).toBeVisible();
  await expect(page.getByTestId("payment-status")).toHaveAttribute("data-status", "PAID");
  await expect(page.getByTestId("payment-status")).toHaveText("Paid");

  await expectConfirmationAndReceipt(inbox, bookingId, "Architecture review with Ada Lovelace", "$150.00");
});
