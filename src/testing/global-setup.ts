import path from "node:path";
import { repoRoot, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";

/**
 * One PostgreSQL server for the whole Vitest run. Without TEST_DATABASE_URL, the embedded
 * server is started here, once, before the worker processes exist, and they inherit its
 * URL; each test file still gets a database of its own. (Letting every worker start and
 * stop a shared server raced: one could stop it while another was about to use it.)
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.TEST_DATABASE_URL) return undefined;
  const server = await startEmbeddedPostgres({ dataDir: path.join(repoRoot, ".data/test-postgres"), durable: false });
  process.env.TEST_DATABASE_URL = server.url;
  return () => server.stop();
}
