import { defineConfig } from "vitest/config";

// The package's own tests (`npm test -w @booking/provider-sandbox`): no database, no app.
// The root suite runs the same files under the root config.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    pool: "forks",
    testTimeout: 30_000,
  },
});
