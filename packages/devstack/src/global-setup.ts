// Vitest global setup of the package's own test run; the root suite's is src/testing/global-setup.ts.
export { startTestPostgres as default } from "./test-database";
