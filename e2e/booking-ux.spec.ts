// The booking flow as a client lives it (issue 9): the chosen time survives a refresh, typed
// details survive a time taken meanwhile, an abandoned Checkout is resumed from My bookings, a
// late cancel says "not refundable" before the click, and a phone books by day, then time.
import type { APIRequestContext, Page } from "@playwright/test";
import { bookingIdFrom, demo, expect, pickFirstSlot, sandboxes, test } from "./fixtures";

const POLICY = "Free cancellation until 24 hours before the start; after that, no refund.";

/** On the Stripe sandbox's Checkout page. */
async function onStripeCheckout(page: Page) {
  await page.waitForURL((url) => url.origin === sandboxes.stripe && url.pathname.startsWith("/pay/"));
  await expect(page.getByRole("heading", { level: 1, name: "Checkout" })).toBeVisible();
}

test("a refresh and Back on the details step keep the chosen time", async ({ page }) => {
  await page.goto("/builders/radia-p");
  await page.getByRole("link", { name: "Book Intro call" }).click();
  const start = await pickFirstSlot(page);

  const details = page.getByRole("region", { name: "Your details" });
  await expect(details).toBeVisible();
  const url = new URL(page.url());
  expect(url.searchParams.get("start")).toBe(start);
  expect(url.searchParams.get("step")).toBe("details");
  const when = (await details.locator("p").first().textContent()) ?? "";
  expect(when).not.toBe("");

  await page.reload();
  await expect(details).toBeVisible();
  await expect(details.locator("p").first()).toHaveText(when);
  expect(new URL(page.url()).searchParams.get("start")).toBe(start);

  // Back returns to the picker, with the chosen time still marked.
  await page.goBack();
  await expect(page.getByRole("region", { name: "Pick a time" })).toBeVisible();
  await expect(page.getByTestId(`slot-${start}`)).toHaveAttribute("aria-pressed", "true");
});

/** Books a free time as another guest, through the tRPC HTTP API as the browser's client sends it. */
async function bookAsAnotherGuest(request: APIRequestContext, sessionTypeId: string, start: string, email: string) {
  const response = await request.post("/api/trpc/booking.create", {
    data: {
      json: { sessionTypeId, startTime: start, clientName: "Quicker Guest", clientEmail: email },
      meta: { values: { startTime: ["Date"] } },
    },
  });
  expect(response.ok(), await response.text()).toBe(true);
}

test("typed details survive a slot just taken", async ({ page, request, unique }) => {
  await page.goto("/builders/radia-p");
  await page.getByRole("link", { name: "Book Intro call" }).click();
  await page.waitForURL(/\/builders\/radia-p\/book\/[^/?]+/);
  const sessionTypeId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
  const taken = await pickFirstSlot(page);
  const name = "Tess Typed";
  const email = `${unique("typed")}@example.test`;
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Your email").fill(email);

  // Someone else books that very time while the guest is still on the details step.
  await bookAsAnotherGuest(request, sessionTypeId, taken, `${unique("quicker")}@example.test`);
  await page.getByRole("button", { name: "Confirm booking" }).click();

  // Filtered: Next's route announcer is an alert too.
  await expect(page.getByRole("alert").filter({ hasText: "That time was just taken" })).toHaveText(
    "That time was just taken — pick another.",
  );
  const picker = page.getByRole("region", { name: "Pick a time" });
  await expect(picker).toBeVisible();
  await expect(picker.getByTestId(`slot-${taken}`)).toHaveCount(0);
  const next = await pickFirstSlot(page);
  expect(next).not.toBe(taken);
  await expect(page.getByLabel("Your name")).toHaveValue(name);
  await expect(page.getByLabel("Your email")).toHaveValue(email);

  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Booking confirmed" })).toBeVisible();
  await expect(page.getByText(`${name} (${email})`)).toBeVisible();
});

test("a paid session's details step sends a guest to sign in and back to the same time", async ({ page }) => {
  await page.goto("/builders/ada-lovelace");
  await expect(page.getByTestId("refund-policy")).toContainText(POLICY);
  await page.getByRole("link", { name: "Book Architecture review" }).click();
  await expect(page.getByTestId("refund-policy").first()).toHaveText(POLICY);
  const start = await pickFirstSlot(page);
  await page.getByRole("link", { name: "Sign in to book a paid session" }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  const next = new URL(page.url()).searchParams.get("next") ?? "";
  const back = new URL(next, "http://x");
  expect(back.searchParams.get("start")).toBe(start);
  expect(back.searchParams.get("step")).toBe("details");
});

test("an abandoned Checkout is resumed from My bookings and ends confirmed", async ({ page, signIn }) => {
  await signIn(demo.client);
  await page.goto("/builders/ada-lovelace");
  await page.getByRole("link", { name: "Book Architecture review" }).click();
  await pickFirstSlot(page);
  await page.getByRole("button", { name: "Confirm booking" }).click();

  // Leave Checkout without paying: back on the booking page, which says so and offers both ways on.
  await onStripeCheckout(page);
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.waitForURL(/\/bookings\/[^/?]+\?checkout=cancelled/);
  const bookingId = bookingIdFrom(page.url());
  const notice = page.getByTestId("checkout-cancelled");
  await expect(notice).toContainText("Payment not completed");
  await expect(notice.getByRole("button", { name: "Pay now" })).toBeVisible();
  await expect(notice.getByRole("button", { name: "Release this time" })).toBeVisible();
  await expect(page.getByTestId("payment-status")).toHaveText("Awaiting payment");
  await expect(page.getByTestId("refund-policy")).toHaveText(POLICY);

  // My bookings shows the hold with its deadline and a way to pay.
  await page.goto("/bookings");
  const item = page
    .getByRole("region", { name: "Upcoming" })
    .getByRole("listitem")
    .filter({ has: page.locator(`a[href="/bookings/${bookingId}"]`) });
  await expect(item.getByTestId("hold-deadline")).toHaveText(/^Pay by .+ to keep this time\.$/);
  await expect(item).not.toContainText("PAYMENT");
  await item.getByRole("button", { name: /^Complete payment/ }).click();

  await onStripeCheckout(page);
  await page.getByRole("button", { name: "Pay" }).click();
  await page.waitForURL((url) => url.pathname === `/bookings/${bookingId}`);
  await expect(page.getByTestId("booking-status")).toHaveAttribute("data-status", "CONFIRMED");
  await expect(page.getByTestId("payment-status")).toHaveText("Paid");
  await expect(page.getByRole("button", { name: "Complete payment" })).toHaveCount(0);
});

test("a released hold frees the time and reads as not paid", async ({ page, signIn }) => {
  await signIn(demo.client);
  await page.goto("/builders/ada-lovelace");
  await page.getByRole("link", { name: "Book Architecture review" }).click();
  await pickFirstSlot(page);
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await onStripeCheckout(page);
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.waitForURL(/\/bookings\/[^/?]+\?checkout=cancelled/);

  await page.getByRole("button", { name: "Release this time" }).click();
  await expect(page.getByTestId("booking-status")).toHaveAttribute("data-status", "CANCELLED");
  await expect(page.getByTestId("payment-status")).toHaveText("Not paid");
  await expect(page.getByTestId("checkout-cancelled")).toHaveCount(0);
});

// Sophie Wilson (demo data) works every day 06:00-22:00 London time, so a paid time within
// the next 24 hours exists whenever this runs, weekends included.
const LATE_CANCEL_TYPE = { slug: "sophie-w", title: "Performance audit" };

/** The first offered start (this week or next) if it is within `hours`, else null. */
async function firstStartWithin(page: Page, hours: number): Promise<string | null> {
  const picker = page.getByRole("region", { name: "Pick a time" });
  const summary = picker.getByRole("status").filter({ hasText: /available times? this week|No available times/ });
  const slots = picker.locator('[data-testid^="slot-"]');
  for (let week = 0; week < 2; week++) {
    await expect(summary).toBeVisible();
    if ((await slots.count()) > 0) {
      const start = (await slots.first().getAttribute("data-testid"))!.slice("slot-".length);
      return new Date(start).getTime() - Date.now() < hours * 3_600_000 ? start : null;
    }
    const weekLabel = picker.getByRole("group", { name: "Week" }).locator(".week-label");
    const shown = await weekLabel.textContent();
    await picker.getByRole("button", { name: "Next week" }).click();
    await expect(weekLabel).not.toHaveText(shown ?? "");
  }
  return null;
}

test("a late cancel says it is not refundable before the click, and keeps the payment", async ({ page, signIn }) => {
  await signIn(demo.client);
  await page.goto(`/builders/${LATE_CANCEL_TYPE.slug}`);
  await page.getByRole("link", { name: `Book ${LATE_CANCEL_TYPE.title}` }).click();
  const start = await firstStartWithin(page, 23);
  expect(start, "Sophie Wilson offers a paid time within 23 hours every day").not.toBeNull();
  await page.getByTestId(`slot-${start}`).click();
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await onStripeCheckout(page);
  await page.getByRole("button", { name: "Pay" }).click();
  await page.waitForURL(/\/bookings\/[^/?]+/);
  await expect(page.getByTestId("payment-status")).toHaveText("Paid");

  await page.getByRole("button", { name: /^Cancel booking/ }).click();
  await expect(page.getByTestId("cancel-outcome")).toHaveText(/^Cancelling now is not refundable \(\$\d+\.\d{2}\)$/);
  await page.getByRole("button", { name: "Yes, cancel booking" }).click();
  await expect(page.getByTestId("booking-status")).toHaveAttribute("data-status", "CANCELLED");
  await expect(page.getByTestId("payment-status")).toHaveText("Paid");
});

test("an early cancel promises the full refund before the click", async ({ page, signIn }) => {
  await signIn(demo.client);
  await page.goto("/builders/ada-lovelace");
  await page.getByRole("link", { name: "Book Architecture review" }).click();
  // Two weeks out: well before the cutoff.
  const picker = page.getByRole("region", { name: "Pick a time" });
  for (let i = 0; i < 2; i++) {
    const weekLabel = picker.getByRole("group", { name: "Week" }).locator(".week-label");
    const shown = await weekLabel.textContent();
    await picker.getByRole("button", { name: "Next week" }).click();
    await expect(weekLabel).not.toHaveText(shown ?? "");
  }
  await pickFirstSlot(page);
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await onStripeCheckout(page);
  await page.getByRole("button", { name: "Pay" }).click();
  await page.waitForURL(/\/bookings\/[^/?]+/);
  await expect(page.getByTestId("payment-status")).toHaveText("Paid");

  await page.getByRole("button", { name: /^Cancel booking/ }).click();
  await expect(page.getByTestId("cancel-outcome")).toHaveText("You will be refunded $150.00");
  await page.getByRole("button", { name: "Yes, cancel booking" }).click();
  await expect(page.getByTestId("booking-status")).toHaveAttribute("data-status", "CANCELLED");
  await expect(page.getByTestId("payment-status")).toHaveAttribute("data-status", /REFUND_PENDING|REFUNDED/);
});

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("books by picking a day, then a time", async ({ page, unique }) => {
    await page.goto("/builders/radia-p");
    await page.getByRole("link", { name: "Book Intro call" }).click();
    const picker = page.getByRole("region", { name: "Pick a time" });
    const days = picker.getByRole("group", { name: "Days" });
    const summary = picker.getByRole("status").filter({ hasText: /available times? this week|No available times/ });
    await expect(summary).toBeVisible();
    // No times are listed until a day is picked; the week grid is not shown.
    await expect(picker.locator(".week-grid")).toHaveCount(0);
    await expect(picker.locator('[data-testid^="slot-"]')).toHaveCount(0);
    if ((await days.getByRole("button", { disabled: false }).count()) === 0) {
      await picker.getByRole("button", { name: "Next week" }).click();
      await expect(summary).toHaveText(/available times? this week/);
    }
    await days.getByRole("button", { disabled: false }).first().click();
    const times = picker.locator('[data-testid^="slot-"]');
    await expect(times.first()).toBeVisible();
    // Only one day's times: the page stays short.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(2_800);
    await times.first().click();

    await page.getByLabel("Your name").fill("Pat Phone");
    await page.getByLabel("Your email").fill(`${unique("phone")}@example.test`);
    await page.getByRole("button", { name: "Confirm booking" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Booking confirmed" })).toBeVisible();
  });
});
