import { defineConfig } from "vitest/config";

// The package's own tests (`npm test -w @booking/devstack`), with one PostgreSQL server for the
// run as in the root suite (TEST_DATABASE_URL, else the embedded one). The root suite runs the
// same files under the root config.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    globalSetup: ["src/global-setup.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
