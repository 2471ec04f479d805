import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Unit tests (*.test.ts) sit beside the code; integration tests (*.int.test.ts) run
// against real PostgreSQL, each file in its own database. Core time tests force a
// +05:45 process TZ themselves (src/core/time/test-process-tz.ts).
export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    // `server-only` throws outside React's server build; Node runs tests as the server does.
    alias: { "server-only": fileURLToPath(new URL("node_modules/server-only/empty.js", import.meta.url)) },
  },
  test: {
    include: ["src/**/*.test.ts", "scripts/**/*.test.ts", "eslint/**/*.test.ts", "packages/*/src/**/*.test.ts"],
    globalSetup: ["src/testing/global-setup.ts"],
    setupFiles: ["src/testing/test-env.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
