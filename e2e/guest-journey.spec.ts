// A client's whole journey with only the email in hand (issue 9): book and pay, find the
// confirmation with its calendar invite, open "Manage your booking" signed out (the manage
// link is all a guest has), move the session to a time within the next 24 hours (the invite
// moves in place: same UID, higher SEQUENCE), then cancel late, told before the click that it is
// not refundable. Paid sessions need an account to book (the app's rule), so the client books
// signed in and everything after that happens signed out, by the link.
import type { Page } from "@playwright/test";
import { icsProperty } from "@/testing/ics-lines";
import { bookingIdFrom, demo, expect, mailText, pickFirstSlot, sandboxes, test, type SandboxMail } from "./fixtures";

// Sophie Wilson (demo data) works every day 06:00-22:00 London: next week has times far past
// the 24-hour cutoff, and the next 24 hours always have one.
const SOPHIE = { slug: "sophie-w", title: "Performance audit", about: "Performance audit with Sophie Wilson" };

/** The calendar invite a mail carries, read as a calendar client reads it. */
function inviteOf(mail: SandboxMail) {
  const attachments = (mail.body as { attachments?: { filename: string; type?: string; content: string }[] }).attachments ?? [];
  expect(attachments.map((a) => [a.filename, a.type])).toEqual([["invite.ics", "text/calendar"]]);
  const ics = Buffer.from(attachments[0]!.content, "base64").toString("utf8");
  return {
    method: icsProperty(ics, "METHOD")[0],
    uid: icsProperty(ics, "UID")[0],
    sequence: Number(icsProperty(ics, "SEQUENCE")[0]),
    start: icsProperty(ics, "DTSTART")[0],
  };
}

const icsTime = (iso: string) => iso.replace(/[-:]/g, "").replace(/\.\d{3}/, "");

async function nextWeek(page: Page, picker = page.getByRole("region", { name: "Pick a time" })) {
  const weekLabel = picker.getByRole("group", { name: "Week" }).locator(".week-label");
  const shown = await weekLabel.textContent();
  await picker.getByRole("button", { name: "Next week" }).click();
  await expect(weekLabel).not.toHaveText(shown ?? "");
}

test("a guest manages a paid booking from the email: reschedules within a day, the invite moves, a late cancel is not refundable", async ({
  page,
  signIn,
  inbox,
}) => {
  // Book next week (well before the cutoff, so it can still be moved) and pay on Checkout.
  await signIn(demo.client);
  await page.goto(`/builders/${SOPHIE.slug}`);
  await page.getByRole("link", { name: `Book ${SOPHIE.title}` }).click();
  await nextWeek(page);
  const start = await pickFirstSlot(page);
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await page.waitForURL((url) => url.origin === sandboxes.stripe && url.pathname.startsWith("/pay/"));
  await page.getByRole("button", { name: "Pay" }).click();
  await page.waitForURL(/\/bookings\/[^/?]+/);
  const bookingId = bookingIdFrom(page.url());
  await expect(page.getByTestId("payment-status")).toHaveText("Paid");

  // The confirmation carries the invite and the manage link.
  const confirmation = await inbox.waitFor({ to: demo.client, subject: `Confirmed: ${SOPHIE.about}`, bookingId });
  const invited = inviteOf(confirmation);
  expect(invited).toMatchObject({ method: "REQUEST", sequence: 0, start: icsTime(start) });
  expect(invited.uid).toMatch(new RegExp(`^${bookingId}@`));
  const manageUrl = new URL(/Manage your booking: (\S+)/.exec(mailText(confirmation))?.[1] ?? "");
  expect(bookingIdFrom(manageUrl.toString())).toBe(bookingId);

  // Signed out, with only the link: move it to the first time offered now (within 24 hours).
  await page.context().clearCookies();
  await page.goto(manageUrl.pathname + manageUrl.search);
  await expect(page.getByRole("heading", { level: 1, name: "Booking confirmed" })).toBeVisible();
  const reschedule = page.getByRole("region", { name: "Need another time?" });
  await reschedule.getByRole("button", { name: "Reschedule" }).click();
  const picker = page.getByRole("region", { name: "Pick a new time" });
  await expect(picker.getByRole("status").filter({ hasText: /available times? this week/ })).toBeVisible();
  const first = picker.locator('[data-testid^="slot-"]').first();
  const newStart = (await first.getAttribute("data-testid"))!.slice("slot-".length);
  expect(new Date(newStart).getTime() - Date.now(), "Sophie Wilson offers a time within 24 hours").toBeLessThan(24 * 3_600_000);
  await first.click();

  const review = page.getByTestId("reschedule-review");
  await expect(review).toContainText("Move from");
  await expect(review).toContainText("Your payment carries over");
  await expect(review).toContainText("cancelling it would not be refundable");
  await review.getByRole("button", { name: "Confirm new time" }).click();

  // The new booking's page, still by a manage link (the new booking's own).
  await page.waitForURL((url) => url.pathname.startsWith("/bookings/") && bookingIdFrom(url.toString()) !== bookingId);
  const newId = bookingIdFrom(page.url());
  expect(new URL(page.url()).searchParams.get("token")).toBeTruthy();
  await expect(page.getByTestId("booking-status")).toHaveAttribute("data-status", "CONFIRMED");
  await expect(page.getByTestId("payment-status")).toHaveText("Paid");
  // Past the cutoff now: it says why it cannot be moved again.
  await expect(page.getByTestId("reschedule-refusal")).toContainText("can no longer be moved");

  // The reschedule email moves the calendar entry: same UID, a higher SEQUENCE, the new time.
  const moved = await inbox.waitFor({ to: demo.client, subject: `Rescheduled: ${SOPHIE.about}`, bookingId: newId });
  const movedInvite = inviteOf(moved);
  expect(movedInvite).toMatchObject({ method: "REQUEST", uid: invited.uid, start: icsTime(newStart) });
  expect(movedInvite.sequence).toBeGreaterThan(invited.sequence);

  // A late cancel says it is not refundable before the click, and keeps the payment.
  await page.getByRole("button", { name: /^Cancel booking/ }).click();
  await expect(page.getByTestId("cancel-outcome")).toHaveText(/^Cancelling now is not refundable \(\$\d+\.\d{2}\)$/);
  await page.getByRole("button", { name: "Yes, cancel booking" }).click();
  await expect(page.getByTestId("booking-status")).toHaveAttribute("data-status", "CANCELLED");
  await expect(page.getByTestId("payment-status")).toHaveText("Paid");

  // The old link still works, and says where the booking went.
  await page.goto(manageUrl.pathname + manageUrl.search);
  await expect(page.getByRole("heading", { level: 1, name: "Booking moved" })).toBeVisible();
  const movedTo = page.getByTestId("moved-to").getByRole("link");
  await expect(movedTo).toHaveAttribute("href", new RegExp(`^/bookings/${newId}\\?token=`));
});
