// The checklist's rollback lever from the operator console: an admin pauses webhook
// processing at /admin/levers, a client pays for a booking (Stripe sandbox, signed events),
// the payment waits in the inbox (visible at /admin/webhooks, the booking still PENDING), the
// admin resumes and the booking confirms. One page, switching sessions (sign-ins are rate limited).
import type { APIRequestContext, Cookie, Page } from "@playwright/test";
import { bookingIdFrom, demo, expect, pickFirstSlot, sandboxes, test, type SignInOptions } from "./fixtures";

// The console's pages load their data after hydration; the machine running the suite may be busy.
const loaded = { timeout: 30_000 };

type SignIn = (email: string, options?: SignInOptions) => Promise<void>;

async function switchTo(page: Page, signIn: SignIn, email: string) {
  await page.context().clearCookies();
  await signIn(email);
}

/** Sets the lever through the console's own API, with the admin's session (works after the page is gone). */
async function setPausedByApi(request: APIRequestContext, value: boolean, reason: string) {
  const response = await request.post("/api/trpc/admin.setLever", { data: { json: { lever: "WEBHOOKS_PAUSED", value, reason } } });
  expect(response.ok(), await response.text()).toBe(true);
}

// A long journey through several pages: allow slow navigations on a busy machine.
test.use({ navigationTimeout: 45_000, actionTimeout: 20_000 });

// Tests share the server: whatever happens (a timeout included), webhooks are not left paused.
let restore: (() => Promise<void>) | undefined;
test.afterEach(async () => {
  await restore?.();
  restore = undefined;
});

async function switchLever(page: Page, turn: "on" | "off", reason: string) {
  await page.goto("/admin/levers");
  const lever = page.locator('[data-lever="WEBHOOKS_PAUSED"]');
  await expect(lever.getByRole("heading", { name: "Pause webhook processing" })).toBeVisible(loaded);
  await lever.getByRole("button", { name: `Turn ${turn} Pause webhook processing` }).click();
  await expect(lever.getByText(`Turn pause webhook processing ${turn}?`)).toBeVisible();
  await lever.getByLabel(/^Reason/).fill(reason);
  await lever.getByRole("button", { name: `Yes, turn ${turn}` }).click();
  await expect(page.getByTestId("lever-state-WEBHOOKS_PAUSED")).toHaveText(turn === "on" ? "On" : "Off");
  await expect(lever).toContainText(`Set by Alex Admin`);
}

test("an admin pauses webhook processing, a paid booking's payment waits in the inbox, and resuming confirms it", async ({
  page,
  signIn,
  unique,
  playwright,
}) => {
  // Several sign-in switches, a Checkout and a wait for the recovery loop on a shared machine.
  test.setTimeout(180_000);
  await signIn(demo.admin);
  const adminCookies: Cookie[] = await page.context().cookies();
  const adminApi = await playwright.request.newContext({
    baseURL: test.info().project.use.baseURL,
    storageState: { cookies: adminCookies, origins: [] },
  });
  const pauseReason = unique("e2e pause");
  restore = async () => {
    await setPausedByApi(adminApi, false, `${pauseReason} (restore)`);
    await adminApi.dispose();
  };
  // Start from the default, whatever an earlier run left.
  await setPausedByApi(adminApi, false, `${pauseReason} (start)`);
  // The header offers the console to an admin, and not "Become a builder".
  const header = page.getByRole("navigation", { name: "Main" });
  await expect(header.getByRole("link", { name: "Operator console" })).toBeVisible();
  await expect(header.getByRole("link", { name: "Become a builder" })).toHaveCount(0);

  await switchLever(page, "on", pauseReason);

  // A client books Ada Lovelace's paid architecture review and pays on Stripe Checkout.
  await switchTo(page, signIn, demo.client);
  await page.goto("/builders/ada-lovelace");
  const review = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Architecture review" }) });
  await review.getByRole("link", { name: "Book Architecture review" }).click();
  await pickFirstSlot(page);
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await page.waitForURL((url) => url.origin === sandboxes.stripe && url.pathname.startsWith("/pay/"));
  await page.getByRole("button", { name: "Pay" }).click();
  // The sandbox delivered the signed events (acknowledged 2xx) before sending the browser back.
  await page.waitForURL(/\/bookings\/[^/?]+/);
  const bookingId = bookingIdFrom(page.url());
  await expect(page.getByTestId("booking-status")).toHaveAttribute("data-status", "PENDING");

  // The admin sees the payment waiting in the inbox, unapplied.
  await switchTo(page, signIn, demo.admin);
  await page.goto("/admin/webhooks?status=RECEIVED&type=checkout.session.completed");
  await expect(page.getByRole("heading", { level: 1, name: "Webhook inbox" })).toBeVisible();
  const rows = page.getByRole("row").filter({ hasText: "checkout.session.completed" });
  await expect(rows.first()).toContainText("Received (waiting)", loaded);
  await rows.first().getByRole("link").first().click();
  await expect(page.getByTestId("webhook-status")).toHaveText("Received (waiting)", loaded);
  const payload = page.getByLabel("Payload, personal data masked");
  await expect(payload).toContainText(bookingId);
  // Personal data is masked in the payload view.
  await expect(payload).not.toContainText(demo.client);

  // Still pending for the client, seconds after the payment was acknowledged.
  await switchTo(page, signIn, demo.client);
  await page.goto(`/bookings/${bookingId}`);
  await expect(page.getByTestId("booking-status")).toHaveAttribute("data-status", "PENDING");

  // The admin resumes processing; the waiting events are applied within seconds.
  await switchTo(page, signIn, demo.admin);
  await switchLever(page, "off", unique("e2e resume"));
  await page.goto("/admin/webhooks?type=checkout.session.completed");
  await expect(page.getByRole("row").filter({ hasText: "Received (waiting)" })).toHaveCount(0, { timeout: 20_000 });

  await switchTo(page, signIn, demo.client);
  await page.goto(`/bookings/${bookingId}`);
  await expect(page.getByTestId("booking-status")).toHaveAttribute("data-status", "CONFIRMED", { timeout: 20_000 });
  await expect(page.getByTestId("payment-status")).toHaveAttribute("data-status", "PAID");
});
