import { readdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./migrations/repo-root";
import { createTestDatabase } from "./test-database";

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

describe("createTestDatabase", () => {
  it("gives each caller a database of its own with every migration applied, and drops it", async () => {
    const [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    try {
      expect(a.url).not.toBe(b.url);
      const name = decodeURIComponent(new URL(a.url).pathname.slice(1));
      expect(name).toMatch(new RegExp(`^booking_test_${process.pid}_`));
      const folders = (await readdir(path.join(repoRoot, "prisma/migrations"), { withFileTypes: true })).filter((e) => e.isDirectory());
      const applied = await query<{ n: number }>(a.url, "SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL");
      expect(applied[0]!.n).toBe(folders.length);

      await a.drop();
      await a.drop(); // twice is harmless
      const left = await query(process.env.TEST_DATABASE_URL!, "SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      expect(left).toEqual([]);
    } finally {
      await Promise.all([a.drop(), b.drop()]);
    }
  });
});
