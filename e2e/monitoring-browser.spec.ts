import { startEnvelopeServer, type EnvelopeServer } from "../src/server/observability/sentry-envelope-server";
import { expect, test } from "./fixtures";

// The browser SDK reports an uncaught error to the DSN's host, which the page's CSP allows
// (connect-src names the DSN origin; the cspViolations fixture fails the test on any
// violation). NEXT_PUBLIC_SENTRY_DSN is inlined at build time, so this runs only against a
// build made with it, e.g.:
//   NEXT_PUBLIC_SENTRY_DSN=http://public@127.0.0.1:14199/1 npm run test:e2e
// A local server on the DSN's port stands in for Sentry's ingest and parses the envelopes.

const dsn = process.env.NEXT_PUBLIC_SENTRY_DSN;
const localDsn = dsn && /^http:\/\/[^@]+@127\.0\.0\.1:\d+\/1$/.test(dsn) ? dsn : undefined;
let ingest: EnvelopeServer | undefined;

test.skip(!localDsn, "needs a build with NEXT_PUBLIC_SENTRY_DSN=http://public@127.0.0.1:<port>/1");

test.beforeAll(async () => {
  if (localDsn) ingest = await startEnvelopeServer(Number(new URL(localDsn).port));
});
test.afterAll(async () => ingest?.close());

test("an uncaught browser error reaches Sentry's endpoint, allowed by the page's CSP", async ({ page }) => {
  await page.goto("/builders");
  const csp = (await page.request.get("/builders")).headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(new RegExp(`connect-src [^;]*${new URL(localDsn!).origin.replace(/[.:/]/g, "\\$&")}`));
  const marker = `browser failure ${Date.now()}`;
  // Thrown from a timer, outside any handler: what an unexpected bug in a component looks like to the SDK.
  await page.evaluate(
    (message) =>
      setTimeout(() => {
        throw new Error(message);
      }),
    marker,
  );
  await expect
    .poll(() => ingest?.events.find((e) => e.exception?.values?.some((v) => v.value === marker)), { timeout: 15_000 })
    .toMatchObject({ platform: "javascript" });
});
