// Shared plumbing of the db:* commands: which database, readable failures, clean exit.
import { resolveDatabaseUrl } from "@booking/devstack";

function describe(url: string, embedded: boolean): string {
  const u = new URL(url);
  const where = `database "${decodeURIComponent(u.pathname.slice(1))}" at ${u.hostname}:${u.port || 5432}`;
  return embedded ? `${where} (embedded PostgreSQL, .data/postgres)` : where;
}

/**
 * Runs `fn` on DIRECT_URL (migrations must bypass a pooler), else DATABASE_URL, else the repo's
 * embedded PostgreSQL, which is stopped afterwards. Sets the exit code `fn` returns.
 */
export async function runWithDatabase(fn: (url: string) => Promise<number | void>): Promise<void> {
  let stop: (() => Promise<void>) | undefined;
  try {
    const direct = process.env.DIRECT_URL;
    const resolved = direct ? { url: direct } : await resolveDatabaseUrl();
    stop = resolved.stop;
    console.log(`Datasource: ${describe(resolved.url, Boolean(stop))}`);
    process.exitCode = (await fn(resolved.url)) ?? 0;
  } catch (e) {
    console.error(`Error: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  } finally {
    await stop?.();
  }
}
