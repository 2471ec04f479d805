import { trpc } from "./support/app-http";
import type { Page } from "@playwright/test";
import { demo, expect, test } from "./fixtures";

// The console's business metrics from the real tables: an admin reads today's figures, a
// visitor requests slots three times and books Ada's free intro call (confirmed at once), and
// the page shows exactly that much more, in its charts' data and in its tables. Specs run one
// at a time on one server, so the differences are this test's own.

// Several page loads with four charts each, and a wait for the funnel's flush: more than the
// default minute on a busy two-core machine.
test.describe.configure({ timeout: 180_000 });

const baseUrl = `http://localhost:${process.env.E2E_PORT ?? 3100}`;

type PublicBuilder = { sessionTypes: { id: string; title: string; priceCents: number }[] };
type Slots = { slots: { start: Date; end: Date }[] };

async function figure(page: Page, metric: string): Promise<string> {
  return (await page.locator(`[data-metric="${metric}"] dd`).innerText()).trim();
}

async function figures(page: Page) {
  return {
    slotRequests: Number((await figure(page, "slot-requests")).replace(/,/g, "")),
    created: Number((await figure(page, "bookings-created")).replace(/,/g, "")),
    confirmed: Number((await figure(page, "bookings-confirmed")).replace(/,/g, "")),
  };
}

async function introCallRow(page: Page) {
  const row = page
    .getByRole("table", { name: "Bookings per session type" })
    .getByRole("row")
    .filter({ hasText: "Ada Lovelace" })
    .filter({ hasText: "Intro call" });
  return (await row.count()) ? Number(await row.getByRole("cell").nth(1).innerText()) : 0;
}

/** The page opens on the last 30 UTC days, today included. */
async function openMetrics(page: Page) {
  await page.goto("/admin/metrics", { timeout: 60_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Business metrics" })).toBeVisible();
  await expect(page.locator('[data-metric="slot-requests"] dd')).toBeVisible({ timeout: 45_000 });
}

test("the metrics page charts today's slot requests, bookings and session types from the database", async ({ page, signIn, unique }) => {
  await signIn(demo.admin);
  await openMetrics(page);
  const before = await figures(page);
  const introBefore = await introCallRow(page);

  // A visitor looks at Ada's intro call slots three times, then books the first one.
  const ip = `198.51.100.${Math.floor(Math.random() * 200) + 20}`;
  const ada = (await trpc(baseUrl, "builder.bySlug", "query", { slug: "ada-lovelace" }, ip)).data as { json: PublicBuilder };
  const intro = ada.json.sessionTypes.find((s) => s.title === "Intro call" && s.priceCents === 0);
  expect(intro).toBeDefined();
  // A week ahead: Ada works weekdays, so some day of it has free times.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const slotInput = { sessionTypeId: intro!.id, startDate: day(2), endDate: day(9), timeZone: "UTC" };
  let slots: Slots["slots"] = [];
  for (let i = 0; i < 3; i++) {
    const answer = await trpc(baseUrl, "slot.list", "query", slotInput, ip);
    expect(answer.status).toBe(200);
    slots = (answer.data as { json: { slots: { start: string }[] } }).json.slots.map((s) => ({
      start: new Date(s.start),
      end: new Date(s.start),
    }));
  }
  expect(slots.length).toBeGreaterThan(0);
  const booked = await trpc(
    baseUrl,
    "booking.create",
    "mutation",
    {
      sessionTypeId: intro!.id,
      startTime: slots.at(-1)!.start,
      clientName: "Metrics Visitor",
      clientEmail: `${unique("metrics")}@example.test`,
    },
    ip,
  );
  expect(booked.status, JSON.stringify(booked.error)).toBe(200);

  // Slot requests are written every few seconds (in memory until then): reload until they land.
  await expect(async () => {
    await openMetrics(page);
    expect(await figures(page)).toEqual({
      slotRequests: before.slotRequests + 3,
      created: before.created + 1,
      confirmed: before.confirmed + 1,
    });
  }).toPass({ timeout: 100_000, intervals: [2_000] });
  expect(await introCallRow(page)).toBe(introBefore + 1);

  // Charts drawn by the chart library (SVG), each with an accessible name; the numbers as tables.
  await expect(
    page
      .getByRole("img", { name: "Slot requests, bookings created and bookings confirmed per day" })
      .locator("svg.recharts-surface")
      .first(),
  ).toBeVisible();
  await expect(
    page.getByRole("img", { name: "Bookings per session type, most booked first" }).locator("svg.recharts-surface").first(),
  ).toBeVisible();
  await expect(
    page.getByRole("img", { name: "Outcome of the checkouts started" }).locator(".recharts-bar-rectangle").first(),
  ).toBeAttached();
  const today = new Date().toISOString().slice(0, 10);
  await page.getByText("Figures per day").click();
  const todayRow = page.getByRole("table", { name: "Booking conversion per UTC day" }).getByRole("row", { name: new RegExp(`^${today}`) });
  await expect(todayRow.getByRole("cell").nth(0)).not.toHaveText("0");
  await expect(page.getByRole("table", { name: "Checkouts started, by outcome" })).toBeVisible();
});

test("a range longer than 366 days is refused with a message, not an error page", async ({ page, signIn }) => {
  await signIn(demo.admin);
  await openMetrics(page);
  await page.getByLabel("From (UTC)").fill("2024-01-01");
  await page.getByLabel("To (UTC)").fill("2026-01-01");
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page.locator("#metrics-range-error")).toHaveText("Choose at most 366 days");
  await expect(page.getByLabel("To (UTC)")).toHaveAttribute("aria-invalid", "true");
});

test("the metrics page is not there for a builder", async ({ page, signIn }) => {
  await signIn(demo.ada);
  const res = await page.goto("/admin/metrics", { timeout: 60_000 });
  expect(res?.status()).toBe(404);
});
