// One fresh, fully migrated database per call, for the test suite (one per test file).
// TEST_DATABASE_URL names a server to use (e.g. the machine's PostgreSQL 15 on 5432); without it
// an embedded PostgreSQL under .data/test-postgres is started, so tests need nothing installed.
// That server is shared by every process running tests (vitest forks) and stopped by whichever
// drops the last test database.
import path from "node:path";
import pg from "pg";
import { isUnavailable, startEmbeddedPostgres, stopEmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations } from "./migrations/migrations";
import { dropStaleDatabases, throwawayName, withDatabase } from "./migrations/pg-admin";
import { repoRoot } from "./migrations/repo-root";

const PREFIX = "booking_test_";
const EMBEDDED_DIR = path.join(repoRoot, ".data/test-postgres");

/**
 * For a test runner's global setup: one PostgreSQL server for the whole run. Without
 * TEST_DATABASE_URL, the embedded server is started here, once, before the worker processes
 * exist, and they inherit its URL; each test file still gets a database of its own. (Letting
 * every worker start and stop a shared server raced: one could stop it while another was about
 * to use it.) Returns the teardown, if there is one.
 */
export async function startTestPostgres(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.TEST_DATABASE_URL) return undefined;
  const server = await startEmbeddedPostgres({ dataDir: EMBEDDED_DIR, durable: false });
  process.env.TEST_DATABASE_URL = server.url;
  return () => server.stop();
}

type Server = { adminUrl: string; release(): Promise<void> };
let embeddedUsers = 0;

async function acquireServer(): Promise<Server> {
  const fromEnv = process.env.TEST_DATABASE_URL;
  if (fromEnv) return { adminUrl: fromEnv, release: async () => {} };
  embeddedUsers++;
  try {
    // Cheap when already running (a pid-file read and one query); test data is disposable.
    const { url } = await startEmbeddedPostgres({ dataDir: EMBEDDED_DIR, durable: false });
    return { adminUrl: url, release: () => releaseEmbedded(url) };
  } catch (e) {
    embeddedUsers--;
    throw e;
  }
}

async function releaseEmbedded(adminUrl: string): Promise<void> {
  if (--embeddedUsers > 0) return;
  // Another process may hold test databases, or be about to create one (connected, no
  // database yet): leave the server to whoever finishes last.
  const busy = await withAdmin(adminUrl, async (c) => {
    const { rows } = await c.query<{ busy: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM pg_database WHERE starts_with(datname, $1))
           OR EXISTS (SELECT 1 FROM pg_stat_activity
                       WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()) AS busy`,
      [PREFIX],
    );
    return rows[0]?.busy ?? true;
  }).catch(() => true);
  if (!busy && embeddedUsers === 0) await stopEmbeddedPostgres(EMBEDDED_DIR);
}

async function withAdmin<T>(adminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  client.on("error", () => {}); // a server stopping under us surfaces as a query error
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

function dropDatabase(adminUrl: string, name: string): Promise<void> {
  // FORCE: a test that leaked a connection must not make teardown fail or hang.
  return withAdmin(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}

// The shared embedded server can be stopped by another process between our start and our
// CREATE DATABASE (it saw no test database yet); such failures are retried.
function serverWentAway(e: unknown): boolean {
  const message = e instanceof Error ? e.message : "";
  return isUnavailable(e) || /administrator command|shutting down|starting up|ECONNREFUSED/.test(message);
}

async function createOnce(): Promise<{ url: string; drop(): Promise<void> }> {
  const server = await acquireServer();
  const name = throwawayName(PREFIX);
  const url = withDatabase(server.adminUrl, name);
  try {
    await withAdmin(server.adminUrl, async (c) => {
      await dropStaleDatabases(c, PREFIX);
      await c.query(`CREATE DATABASE "${name}"`);
    });
    await applyMigrations(url);
  } catch (e) {
    await dropDatabase(server.adminUrl, name).catch(() => {});
    await server.release().catch(() => {});
    throw e;
  }
  let dropped = false;
  return {
    url,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await dropDatabase(server.adminUrl, name);
      await server.release();
    },
  };
}

/** A fresh database with every migration applied; `drop()` removes it. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await createOnce();
    } catch (e) {
      if (attempt >= 5 || !serverWentAway(e)) throw e;
    }
  }
}
