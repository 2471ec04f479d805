// The wasm schema engine on fixture migrations (a schema of its own in a temporary folder),
// against a real PostgreSQL: TEST_DATABASE_URL, which the suite's global setup provides.
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, createMigration, migrationStatus, type MigrationPaths } from "./migrations";
import { throwawayName, withDatabase } from "./pg-admin";

const admin = () => process.env.TEST_DATABASE_URL!;

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

const schemaWith = (models: string) => `datasource db {\n  provider = "postgresql"\n}\n\n${models}`;
const noteModel = `model Note {\n  id   Int    @id @default(autoincrement())\n  body String\n}\n`;
const tagModel = `model Tag {\n  id   Int    @id @default(autoincrement())\n  name String @unique\n}\n`;

let dir: string;
let paths: MigrationPaths;
const databases: string[] = [];

/** A database on the test server: empty, or not created yet (applyMigrations creates it). */
async function freshUrl({ create }: { create: boolean }): Promise<string> {
  const name = throwawayName("booking_test_");
  databases.push(name);
  if (create) await query(admin(), `CREATE DATABASE "${name}"`);
  return withDatabase(admin(), name);
}

const migrationFolders = async () =>
  (await readdir(paths.migrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "devstack-migrations-"));
  paths = { schemaPath: path.join(dir, "schema.prisma"), migrationsDir: path.join(dir, "migrations") };
});
afterEach(async () => {
  for (const name of databases.splice(0)) await query(admin(), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("wasm migrations", () => {
  it("creates migrations from the schema, applies them in order, and reports status like the Prisma CLI", async () => {
    const url = await freshUrl({ create: true });
    await writeFile(paths.schemaPath, schemaWith(noteModel));
    const first = await createMigration(url, "add notes!", paths);
    expect(first).toMatch(/^\d{14}_add_notes$/);
    expect(await readFile(path.join(paths.migrationsDir, first!, "migration.sql"), "utf8")).toMatch(/CREATE TABLE "Note"/);
    expect(await readFile(path.join(paths.migrationsDir, "migration_lock.toml"), "utf8")).toMatch(/provider = "postgresql"/);
    expect(await createMigration(url, "nothing", paths)).toBeNull(); // schema and migrations agree

    // Folder names order migrations: the next one must sort after the first.
    await new Promise((r) => setTimeout(r, 1100));
    await writeFile(paths.schemaPath, schemaWith(noteModel + tagModel));
    const second = await createMigration(url, "add_tags", paths);
    expect(await migrationFolders()).toEqual([first, second]);

    expect(await migrationStatus(url, paths)).toMatchObject({ pending: [first, second], upToDate: false });
    expect(await applyMigrations(url, paths)).toEqual({ applied: [first, second] });
    expect(await applyMigrations(url, paths)).toEqual({ applied: [] });
    expect(await migrationStatus(url, paths)).toEqual({ pending: [], failed: [], edited: [], notInDirectory: [], upToDate: true });
    await query(url, `INSERT INTO "Tag" (name) VALUES ('x')`);

    // No shadow database outlives createMigration.
    const shadows = await query(admin(), "SELECT datname FROM pg_database WHERE datname LIKE $1", [`prisma_shadow_${process.pid}_%`]);
    expect(shadows).toEqual([]);

    await writeFile(path.join(paths.migrationsDir, second!, "migration.sql"), "-- edited\nSELECT 1;\n");
    expect(await migrationStatus(url, paths)).toMatchObject({ edited: [second], upToDate: false });
  });

  it("creates a missing database, and applies a migration whole or not at all, naming it in the error", async () => {
    await rm(paths.migrationsDir, { recursive: true, force: true });
    await writeFile(paths.schemaPath, schemaWith(noteModel));
    const folder = (await createMigration(await freshUrl({ create: true }), "broken", paths))!;
    const url = await freshUrl({ create: false });
    const file = path.join(paths.migrationsDir, folder, "migration.sql");
    // A semicolon inside a string must not split the script; the last statement fails.
    await writeFile(file, `${await readFile(file, "utf8")}\nINSERT INTO "Note" (body) VALUES ('a; b');\nSELECT no_such_function();\n`);

    await expect(applyMigrations(url, paths)).rejects.toThrow(new RegExp(`Migration ${folder} failed[\\s\\S]*no_such_function`));
    const tables = await query(url, "SELECT tablename FROM pg_tables WHERE tablename = 'Note'");
    expect(tables).toEqual([]);
    expect(await migrationStatus(url, paths)).toMatchObject({ failed: [folder], upToDate: false });
  });
});
