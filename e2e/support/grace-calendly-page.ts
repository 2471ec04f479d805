import { expect, type Page } from "@playwright/test";

/**
 * After "Confirm booking" on Grace Hopper's Code review: the browser is on her own Calendly page
 * (her user in the platform's organization) at the chosen time, with our booking id as
 * utm_content. Returns that booking id.
 */
export async function expectOnGraceCodeReviewCalendly(page: Page, calendlyOrigin: string, start: string): Promise<string> {
  await page.waitForURL((url) => url.origin === calendlyOrigin);
  const calendlyUrl = new URL(page.url());
  expect(calendlyUrl.pathname).toBe("/grace/grace-code-review");
  expect(calendlyUrl.searchParams.get("start_time")).toBe(start);
  const bookingId = calendlyUrl.searchParams.get("utm_content");
  expect(bookingId, "utm_content carries the booking id").toBeTruthy();
  return bookingId!;
}
