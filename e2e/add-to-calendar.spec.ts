// "Add to calendar" on a confirmed booking's page (issue 9): Google and Outlook links with the
// session's times in UTC, and an .ics download that is the booking's own event (its UID, its
// times), for the signed-in client by their session and for a guest by the manage link.
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { bookingIdFrom, demo, expect, pickFirstSlot, test } from "./fixtures";

// Radia Perlman's free Intro call (demo data) lasts 20 minutes.
const DURATION_MS = 20 * 60_000;

const compact = (iso: string) =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
const isoSeconds = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}/, "");
const plus = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms).toISOString();

/** Books Radia's Intro call at the first free time; returns its start and the booking page it lands on. */
async function bookIntroCall(page: Page, guest?: { name: string; email: string }) {
  await page.goto("/builders/radia-p");
  await page.getByRole("link", { name: "Book Intro call" }).click();
  const start = await pickFirstSlot(page);
  if (guest) {
    await page.getByLabel("Your name").fill(guest.name);
    await page.getByLabel("Your email").fill(guest.email);
  }
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Booking confirmed" })).toBeVisible();
  return { start, end: plus(start, DURATION_MS), bookingId: bookingIdFrom(page.url()) };
}

async function hrefOf(link: Locator): Promise<URL> {
  return new URL((await link.getAttribute("href"))!, "http://relative.invalid");
}

test("a confirmed booking offers Google and Outlook links in UTC and its own .ics file", async ({ page, signIn }) => {
  await signIn(demo.client);
  const { start, end, bookingId } = await bookIntroCall(page);
  const calendar = page.getByRole("region", { name: "Calendar" });

  const google = calendar.getByRole("link", { name: "Add to Google Calendar (opens in a new tab)" });
  await expect(google).toHaveAttribute("target", "_blank");
  await expect(google).toHaveAttribute("rel", "noopener noreferrer");
  const googleUrl = await hrefOf(google);
  expect(googleUrl.host).toBe("calendar.google.com");
  expect(googleUrl.searchParams.get("dates")).toBe(`${compact(start)}/${compact(end)}`);
  expect(googleUrl.searchParams.get("text")).toBe("Intro call with Radia Perlman");
  expect(googleUrl.searchParams.get("details")).toContain(`/bookings/${bookingId}`);

  for (const [name, host] of [
    ["Add to Outlook.com (opens in a new tab)", "outlook.live.com"],
    ["Add to Outlook (Microsoft 365) (opens in a new tab)", "outlook.office.com"],
  ] as const) {
    const url = await hrefOf(calendar.getByRole("link", { name }));
    expect(url.host).toBe(host);
    expect(url.searchParams.get("startdt")).toBe(isoSeconds(start));
    expect(url.searchParams.get("enddt")).toBe(isoSeconds(end));
  }

  // The download, with the browser's own session cookie.
  const ics = await calendar.getByRole("link", { name: "Download .ics file" }).getAttribute("href");
  expect(ics).toBe(`/bookings/${bookingId}/calendar.ics`);
  const response = await page.request.get(ics!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(response.headers()["content-disposition"]).toBe('attachment; filename="booking.ics"');
  // Unfolded and with plain line ends, as a calendar reads it (RFC 5545 3.1).
  const body = (await response.text()).replace(/\r\n[ \t]/g, "").replace(/\r\n/g, "\n");
  expect(body).toMatch(new RegExp(`^UID:${bookingId}@`, "m"));
  expect(body).toMatch(new RegExp(`^DTSTART:${compact(start)}$`, "m"));
  expect(body).toMatch(new RegExp(`^DTEND:${compact(end)}$`, "m"));
  expect(body).toMatch(/^METHOD:REQUEST$/m);
});

test("a guest downloads the .ics by the manage link; without it the file is not found", async ({ page, request, unique }) => {
  const { start, bookingId } = await bookIntroCall(page, { name: "Gus Guest", email: `${unique("ics-guest")}@example.test` });
  const token = new URL(page.url()).searchParams.get("token");
  expect(token).toBeTruthy();

  const href = await page.getByRole("link", { name: "Download .ics file" }).getAttribute("href");
  expect(href).toBe(`/bookings/${bookingId}/calendar.ics?token=${encodeURIComponent(token!)}`);
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(await response.text()).toMatch(new RegExp(`^DTSTART:${compact(start)}\\r$`, "m"));

  // The links are reachable and named for everyone (WCAG 2.1 A/AA, as e2e/accessibility.spec.ts).
  const axe = await new AxeBuilder({ page })
    .include('[data-testid="add-to-calendar"]')
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(axe.violations.map((v) => `${v.id} (${v.impact})`)).toEqual([]);

  // Another browser, signed out and without the token.
  const stranger = await request.get(`/bookings/${bookingId}/calendar.ics`);
  expect(stranger.status()).toBe(404);
});
