// Calendly done right for a marketplace: a paid session scheduled on the builder's own Calendly
// lands on Stripe Checkout with no extra click (Calendly's event type redirect, then our page
// that waits for the invitee.created webhook), and a builder sees only their own event types.
import { demo, expect, pickFirstSlot, sandboxes, test } from "./fixtures";
import { expectOnGraceCodeReviewCalendly } from "./support/grace-calendly-page";

test("a signed-in client schedules Grace Hopper's paid code review on her Calendly and lands on Stripe Checkout without another click", async ({
  page,
  signIn,
  calendly,
}) => {
  await signIn(demo.client);
  await page.goto("/builders/grace-hopper");
  const codeReview = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Code review" }) });
  await expect(codeReview.getByTestId("calendly-note")).toHaveText("Times come from Grace Hopper's Calendly.");
  await codeReview.getByRole("link", { name: "Book Code review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Book Code review with Grace Hopper" })).toBeVisible();
  await expect(page.getByTestId("calendly-note")).toHaveText(
    "Times come from Grace Hopper's Calendly: you confirm your time there, then come straight back here to pay.",
  );
  const start = await pickFirstSlot(page);
  await page.getByRole("button", { name: "Confirm booking" }).click();

  // Calendly first (scheduling), with the booking id as utm_content and the chosen time.
  const bookingId = await expectOnGraceCodeReviewCalendly(page, sandboxes.calendly, start);

  // Every page the browser lands on from here, to show where it went on its own.
  const visited: string[] = [];
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) visited.push(frame.url());
  });
  await page.getByRole("button", { name: "Schedule Event" }).click();

  // No click on our side: Calendly redirects to our page, which waits for the webhook and opens Checkout.
  await page.waitForURL((url) => url.origin === sandboxes.stripe && url.pathname.startsWith("/pay/"), { timeout: 30_000 });
  await expect(page.getByTestId("amount-total")).toHaveText("$99.00");
  const landing = visited.map((u) => new URL(u)).find((u) => u.pathname === "/bookings/calendly/scheduled");
  expect(landing, "landed on our page between Calendly and Stripe").toBeTruthy();
  expect(landing?.searchParams.get("utm_content")).toBe(bookingId);
  const invitee = await calendly.inviteeFor(bookingId);
  expect(landing?.searchParams.get("invitee_uuid")).toBe(invitee.uri.split("/").pop());
  expect(
    visited.some((u) => new URL(u).pathname === `/bookings/${bookingId}`),
    "never stopped on the booking page",
  ).toBe(false);

  // Paying finishes it: back on the booking page, confirmed and paid.
  await page.getByRole("button", { name: "Pay" }).click();
  await page.waitForURL((url) => url.pathname === `/bookings/${bookingId}`);
  await expect(page.getByTestId("booking-status")).toHaveAttribute("data-status", "CONFIRMED");
  await expect(page.getByTestId("payment-status")).toHaveAttribute("data-status", "PAID");
});

test("Ada's dashboard lists only her own Calendly event types, never Grace's", async ({ page, signIn }) => {
  await signIn(demo.ada);
  await page.goto("/dashboard/session-types");
  const account = page.getByRole("region", { name: "Calendly" });

  // Ada has no Calendly user in the organization yet: connecting says so plainly.
  await account.getByRole("button", { name: "Connect Calendly" }).click();
  await expect(account.getByRole("alert")).toHaveText(
    "No Calendly user with ada@demo.test in our Calendly organization: ask us for an invitation, accept it, then connect again",
  );

  // She accepts the invitation (the sandbox adds her) and has an event type of her own.
  const control = (path: string, body: unknown) => fetch(`${sandboxes.calendly}${path}`, { method: "POST", body: JSON.stringify(body) });
  expect((await control("/__sandbox/members", { email: demo.ada, name: "Ada Lovelace" })).status).toBe(201);
  const slug = `ada-pairing-${Date.now()}`;
  expect((await control("/__sandbox/event-types", { name: "Ada pairing", slug, durationMinutes: 45, ownerEmail: demo.ada })).status).toBe(
    201,
  );

  await account.getByRole("button", { name: "Connect Calendly" }).click();
  await expect(account.getByTestId("calendly-connected")).toContainText("ada@demo.test");

  const row = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Intro call" }) });
  await row.getByRole("button", { name: "Link to Calendly for Intro call" }).click();
  const select = row.getByLabel("Calendly event type for Intro call");
  await expect(select.locator("option")).toContainText(["Not scheduled through Calendly", "Ada pairing (45 min)"]);
  const options = await select.locator("option").allTextContents();
  expect(
    options.some((o) => /Office hours|Code review/.test(o)),
    `Grace's event types in ${options.join(", ")}`,
  ).toBe(false);
  await row.getByRole("button", { name: "Close" }).click();

  // Leave Ada as the rest of the suite expects her: not connected (nothing is mapped, so it is allowed).
  await account.getByRole("button", { name: "Disconnect Calendly" }).click();
  await expect(account.getByRole("button", { name: "Connect Calendly" })).toBeVisible();
});
