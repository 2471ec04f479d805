import { DEMO_PASSWORD, demo, expect, test } from "./fixtures";
import type { Page } from "@playwright/test";

// After signing in or up the app goes to `next`. Whatever `next` holds, that must be a page of
// this app: the URL parser strips tab/CR/LF and reads `\` as `/`, so `/\t/evil.example` is a
// protocol-relative URL to another host in the browser (the reported bypass).

const REPORTED_BYPASS = "/\t/evil.example/steal"; // ?next=%2F%09%2Fevil.example%2Fsteal

const hostile = [
  REPORTED_BYPASS,
  "/\r/evil.example/steal",
  "/\n/evil.example/steal",
  "/\\evil.example/steal",
  "\\\\evil.example/steal",
  "//evil.example/steal",
  "/.//evil.example/steal",
  "https://evil.example/steal",
  "javascript:alert(document.domain)",
];

const withNext = (path: string, next: string) => `${path}?next=${encodeURIComponent(next)}`;

// Should the app ever navigate off-origin, the browser lands on a recognisable stand-in page
// (instead of a DNS error), and the origin assertions below report where it went.
test.beforeEach(async ({ page }) => {
  await page.route(
    (url) => url.hostname === "evil.example",
    (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<h1>evil.example</h1>" }),
  );
});

/** Waits until the browser has left the auth page and returns where it is. */
async function landing(page: Page, authPath: string): Promise<URL> {
  await page.waitForURL((url) => url.pathname !== authPath, { waitUntil: "commit" });
  return new URL(page.url());
}

test("the sign-in and sign-up pages drop every hostile next value and keep same-origin ones", async ({ page, baseURL }) => {
  const expectNext = async (path: string, next: string, link: string, expected: string) => {
    await page.goto(withNext(path, next));
    const href = await page.getByRole("link", { name: link }).getAttribute("href");
    const carried = new URL(href!, baseURL).searchParams.get("next");
    expect(carried, `${path} with next=${JSON.stringify(next)}`).toBe(expected);
  };
  for (const next of hostile) {
    await expectNext("/sign-in", next, "Create an account", "/");
    await expectNext("/sign-up", next, "Sign in instead", "/");
  }
  await expectNext("/sign-in", "/bookings?view=upcoming#b1", "Create an account", "/bookings?view=upcoming#b1");
  await expectNext("/sign-up", "/dashboard", "Sign in instead", "/dashboard");
});

test("signing in with the reported hostile next stays on this app", async ({ page, baseURL }) => {
  await page.goto(withNext("/sign-in", REPORTED_BYPASS));
  await page.getByLabel("Email").fill(demo.client);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();

  const url = await landing(page, "/sign-in");
  expect(url.origin).toBe(new URL(baseURL!).origin);
  expect(url.pathname).toBe("/");
  await expect(page.getByText(/^Signed in as/)).toBeVisible();
});

test("signing in with a same-origin next goes there", async ({ page, baseURL }) => {
  await page.goto(withNext("/sign-in", "/dashboard"));
  await page.getByLabel("Email").fill(demo.client);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();

  const url = await landing(page, "/sign-in");
  expect(url.origin).toBe(new URL(baseURL!).origin);
  expect(url.pathname).toBe("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
});

async function signUp(page: Page, email: string) {
  await page.getByLabel("Name").fill("Redirect Tester");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Sign up" }).click();
}

test("signing up with the reported hostile next stays on this app", async ({ page, baseURL, unique }) => {
  await page.goto(withNext("/sign-up", REPORTED_BYPASS));
  await signUp(page, `${unique("redirect")}@example.test`);

  const url = await landing(page, "/sign-up");
  expect(url.origin).toBe(new URL(baseURL!).origin);
  expect(url.pathname).toBe("/");
  await expect(page.getByText("Signed in as Redirect Tester")).toBeVisible();
});

test("signing up with a same-origin next goes there", async ({ page, baseURL, unique }) => {
  await page.goto(withNext("/sign-up", "/bookings"));
  await signUp(page, `${unique("redirect")}@example.test`);

  const url = await landing(page, "/sign-up");
  expect(url.origin).toBe(new URL(baseURL!).origin);
  expect(url.pathname).toBe("/bookings");
  await expect(page.getByRole("heading", { level: 1, name: "My bookings" })).toBeVisible();
});
