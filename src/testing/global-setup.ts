import { startTestPostgres } from "@booking/devstack/test-database";

/**
 * One PostgreSQL server for the whole Vitest run (the embedded one unless TEST_DATABASE_URL
 * names a server), started before the worker processes exist so they inherit its URL; each
 * test file still gets a database of its own.
 */
export default function setup(): Promise<(() => Promise<void>) | undefined> {
  return startTestPostgres();
}
