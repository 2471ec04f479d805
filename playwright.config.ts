import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// The e2e suite runs against the production build (`next build` + `next start`) on a fresh
// database with the provider sandboxes; scripts/e2e-server.ts starts all of it.
process.env.NEXT_TELEMETRY_DISABLED = "1";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

// The build under test reports browser errors to a local stand-in for Sentry's ingest (started
// by e2e/monitoring-browser.spec.ts on this port), so that path is tested like the others.
// Inlined at build time; the webServer's build and the test workers both inherit it.
const sandboxBase = Number(process.env.E2E_SANDBOX_PORT ?? 13111);
process.env.NEXT_PUBLIC_SENTRY_DSN ??= `http://public@127.0.0.1:${sandboxBase + 9}/1`;

// Debian's chromium (`apt-get install chromium`): Playwright cannot download browsers on
// machines without internet. CHROMIUM_PATH picks another binary; with neither, Playwright's
// own browser (`npx playwright install chromium`) is used.
const DEBIAN_CHROMIUM = "/usr/bin/chromium";
const executablePath = process.env.CHROMIUM_PATH || (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined);

export default defineConfig({
  testDir: "e2e",
  // Two cores, and the server under test runs on the same machine.
  workers: 1,
  fullyParallel: false,
  // A flaky test is a bug to fix, not to retry away.
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  use: {
    baseURL,
    locale: "en-US",
    timezoneId: "UTC",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "npm run build && npx tsx scripts/e2e-server.ts",
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: !process.env.CI,
    env: { E2E_PORT: String(port), E2E_SANDBOX_PORT: String(sandboxBase), NEXT_TELEMETRY_DISABLED: "1" },
    stdout: "pipe",
    stderr: "pipe",
    // SIGTERM (not SIGKILL) so the server drops its database and stops the sandboxes.
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
