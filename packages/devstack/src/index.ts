// @booking/devstack: what runs the product on a machine with nothing installed, for
// development and tests only (production code never imports it; see the package README).
// The migration runner, which production does use, is "@booking/devstack/migrations".
export { resolveDatabaseUrl, startEmbeddedPostgres, stopEmbeddedPostgres } from "./embedded-postgres";
export { localProviderDefaults } from "./local-defaults";
export { startLocalStack } from "./local-stack";
export type { LocalStack, LocalStackOptions, SandboxEventType } from "./local-stack";
export { isProcessAlive, throwawayName, withDatabase } from "./migrations/pg-admin";
export { repoRoot } from "./migrations/repo-root";
export { createTestDatabase } from "./test-database";
