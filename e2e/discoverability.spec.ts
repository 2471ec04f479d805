import { expect, test } from "./fixtures";

// What search engines and link previews read: per-profile metadata, structured data, the
// generated preview image, robots.txt, the sitemap, and real 404s for unknown profiles.

test("a builder's profile carries its own title, description, canonical URL, preview tags and JSON-LD", async ({
  page,
  request,
  baseURL,
}) => {
  const response = await page.goto("/builders/ada-lovelace");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle("Ada Lovelace · Builder Bookings");

  const meta = (selector: string) => page.locator(selector).first().getAttribute("content");
  expect(await meta('meta[name="description"]')).toBe("Algorithms and analytical engines");
  expect(await page.locator('link[rel="canonical"]').getAttribute("href")).toBe(`${baseURL}/builders/ada-lovelace`);
  expect(await meta('meta[property="og:title"]')).toBe("Ada Lovelace");
  expect(await meta('meta[property="og:url"]')).toBe(`${baseURL}/builders/ada-lovelace`);
  expect(await meta('meta[name="twitter:card"]')).toBe("summary_large_image");

  const ogImage = await meta('meta[property="og:image"]');
  expect(ogImage).toMatch(new RegExp(`^${baseURL}/builders/ada-lovelace/opengraph-image`));
  const image = await request.get(ogImage!);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");
  const bytes = await image.body();
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  expect(bytes.length).toBeGreaterThan(5_000);

  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "null") as {
    "@context": string;
    "@type": string;
    name: string;
    url: string;
    makesOffer: { "@type": string; name: string; price: string; priceCurrency: string }[];
  };
  expect(jsonLd).toMatchObject({ "@context": "https://schema.org", "@type": "Person", name: "Ada Lovelace" });
  expect(jsonLd.url).toBe(`${baseURL}/builders/ada-lovelace`);
  expect(jsonLd.makesOffer).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ "@type": "Offer", name: "Intro call", price: "0.00", priceCurrency: "USD" }),
      expect.objectContaining({ "@type": "Offer", name: "Architecture review", price: "150.00", priceCurrency: "USD" }),
    ]),
  );
});

test("another profile has another title: titles are per builder", async ({ page }) => {
  await page.goto("/builders/grace-hopper");
  await expect(page).toHaveTitle("Grace Hopper · Builder Bookings");
});

test("an unknown profile answers a real 404 that asks not to be indexed", async ({ page, request }) => {
  for (const path of ["/builders/nobody-here", "/builders/%00bad"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(404);
  }
  const response = await page.goto("/builders/nobody-here");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Builder not found" })).toBeVisible();
  expect(await page.locator('meta[name="robots"]').first().getAttribute("content")).toContain("noindex");
  expect((await request.get("/builders/nobody-here/opengraph-image")).status()).toBe(404);
});

test("robots.txt keeps private areas out and points at the sitemap", async ({ request, baseURL }) => {
  const res = await request.get("/robots.txt");
  expect(res.status()).toBe(200);
  const body = await res.text();
  expect(body).toMatch(/^Allow: \/$/m);
  for (const path of ["/api/", "/dashboard", "/bookings", "/admin"]) expect(body).toContain(`Disallow: ${path}`);
  expect(body).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
});

test("the sitemap lists the marketplace and published builders with sessions, not the others", async ({ request, baseURL }) => {
  const index = await request.get("/sitemap.xml");
  expect(index.status()).toBe(200);
  expect(index.headers()["content-type"]).toContain("xml");
  const files = [...(await index.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  expect(files).toEqual([`${baseURL}/builders/sitemap/0.xml`]);

  const file = await request.get(files[0]!);
  expect(file.status()).toBe(200);
  const xml = await file.text();
  const urls = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  expect(urls[0]).toBe(`${baseURL}/`);
  expect(urls).toContain(`${baseURL}/builders/ada-lovelace`);
  expect(urls).toContain(`${baseURL}/builders/grace-hopper`);
  expect(xml).toMatch(/<lastmod>\d{4}-\d\d-\d\dT/);
  expect((await request.get("/builders/sitemap/1.xml")).status()).toBe(404);
});

test("public/ serves the icons, the web manifest and the default preview image", async ({ request, page }) => {
  for (const [path, type] of [
    ["/favicon.ico", "image/"],
    ["/icon-192.png", "image/png"],
    ["/icon-512.png", "image/png"],
    ["/apple-touch-icon.png", "image/png"],
    ["/og-default.png", "image/png"],
  ] as const) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expect(res.headers()["content-type"], path).toContain(type);
  }
  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  const parsed = (await manifest.json()) as { name: string; icons: { src: string }[] };
  expect(parsed.name).toBe("Builder Bookings");
  expect(parsed.icons.map((i) => i.src)).toContain("/icon-512.png");

  await page.goto("/");
  expect(await page.locator('link[rel="manifest"]').getAttribute("href")).toBe("/manifest.webmanifest");
  expect(await page.locator('meta[property="og:image"]').first().getAttribute("content")).toMatch(/\/og-default\.png$/);
});

test("a booking page is titled by its session and builder; an unknown, foreign or missing session is a real 404", async ({
  page,
  request,
}) => {
  await page.goto("/builders/ada-lovelace");
  const href = await page.getByRole("link", { name: "Book Intro call" }).getAttribute("href");
  expect(href).toMatch(/^\/builders\/ada-lovelace\/book\/[^/]+$/);
  const response = await page.goto(href!);
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle("Book Intro call with Ada Lovelace · Builder Bookings");
  expect(await page.locator('meta[name="description"]').first().getAttribute("content")).toContain("Intro call with Ada Lovelace");

  const sessionTypeId = href!.split("/").at(-1)!;
  for (const path of [
    "/builders/ada-lovelace/book/no-such-session",
    `/builders/grace-hopper/book/${sessionTypeId}`,
    `/builders/nobody-here/book/${sessionTypeId}`,
  ]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  const missing = await page.goto("/builders/ada-lovelace/book/no-such-session");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Session not found" })).toBeVisible();
  expect(await page.locator('meta[name="robots"]').first().getAttribute("content")).toContain("noindex");
});

test("every page has a title and description of its own, and private pages ask not to be indexed", async ({ page }) => {
  const titles = new Map<string, string>();
  const descriptions = new Map<string, string | null>();
  for (const path of ["/", "/builders/ada-lovelace", "/builders/grace-hopper", "/sign-in", "/sign-up", "/bookings", "/dashboard"]) {
    await page.goto(path);
    titles.set(path, await page.title());
    descriptions.set(path, await page.locator('meta[name="description"]').first().getAttribute("content"));
  }
  expect(titles.get("/")).toBe("Find a builder · Builder Bookings");
  expect(titles.get("/sign-in")).toBe("Sign in · Builder Bookings");
  expect(new Set(titles.values()).size, JSON.stringify([...titles])).toBe(titles.size);
  expect(new Set(descriptions.values()).size, JSON.stringify([...descriptions])).toBe(descriptions.size);
  for (const path of ["/bookings", "/dashboard"]) {
    await page.goto(path);
    expect(await page.locator('meta[name="robots"]').first().getAttribute("content"), path).toContain("noindex");
  }
});
