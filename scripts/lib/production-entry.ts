// What the production entry points (`npm start`, `npm run worker`) share, bundled into dist/:
// the fail-closed configuration check and the migrations they apply before anything runs.
import path from "node:path";
import { applyMigrations } from "@booking/devstack/migrations";
import { parseServerEnv } from "../../src/server/env";

/**
 * Every problem with the production configuration in one message, or "" when there is none.
 * ALLOW_LOCAL_DEFAULTS (the local launchers' switch) is itself a problem here.
 */
export function productionConfigProblems(source: Record<string, string | undefined>): string {
  let problems = "";
  try {
    parseServerEnv({ ...source, NODE_ENV: "production", ALLOW_LOCAL_DEFAULTS: undefined });
  } catch (e) {
    problems = e instanceof Error ? e.message : String(e);
  }
  if (source.ALLOW_LOCAL_DEFAULTS !== undefined) {
    problems = `ALLOW_LOCAL_DEFAULTS is set: it is for \`npm run start:local\` only; unset it for production.\n${problems}`;
  }
  return problems.trim();
}

/** Applies pending migrations over DIRECT_URL (migrations must bypass a pooler), else DATABASE_URL. */
export async function applyProductionMigrations(root: string, source: Record<string, string | undefined>): Promise<string[]> {
  const { applied } = await applyMigrations(source.DIRECT_URL || source.DATABASE_URL!, {
    schemaPath: path.join(root, "prisma/schema.prisma"),
    migrationsDir: path.join(root, "prisma/migrations"),
  });
  return applied;
}
