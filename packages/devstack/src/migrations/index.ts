// @booking/devstack/migrations: the one part of the dev stack that production runs. `npm start`
// and `npm run worker` apply pending migrations with it, so scripts/build-start.ts inlines this
// folder into dist/ (the rest of the package is refused there). Files here import only each
// other and runtime dependencies: the package lint forbids `../`, so nothing in this folder can
// reach the embedded PostgreSQL, the local defaults or the sandboxes.
export { applyMigrations, createMigration, migrationStatus } from "./migrations";
export type { MigrationPaths, MigrationStatus } from "./migrations";
