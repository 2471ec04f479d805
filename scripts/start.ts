// `npm start`: the production server. Bundled by `npm run build` into dist/start.mjs (see
// scripts/build-start.ts) and run with plain node: no devDependency at run time.
//
// Fails closed: the whole configuration is validated first (one message naming every missing
// or invalid variable, exit 1, no database connection yet); then pending migrations are
// applied over DIRECT_URL (else DATABASE_URL), in a short-lived child process so this launcher,
// alive as long as the server, does not keep the schema engine's memory; then `next start` runs
// with NODE_ENV=production.
// It never starts sandboxes, seeds demo data or uses a built-in secret: the local stack
// (`npm run start:local`) is a separate launcher, and the build refuses to bundle it here.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { APPLY_MIGRATIONS_ONLY, applyMigrationsInChild, reportMigrationsToParent } from "./lib/migrations-child";
import { applyProductionMigrations, productionConfigProblems } from "./lib/production-entry";
import { runNext } from "./lib/run-next";

// scripts/start.ts and dist/start.mjs both sit one level below the repository.
const entry = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(entry), "..");

// The child this launcher forks (below, once the configuration is valid) to apply the migrations.
if (process.argv.includes(APPLY_MIGRATIONS_ONLY)) await reportMigrationsToParent(() => applyProductionMigrations(root, process.env));

function fail(message: string): never {
  console.error(`[start] ${message}`);
  process.exit(1);
}

// Also for this process: anything reached by mistake (the local stack, demo seeding) refuses it.
Object.assign(process.env, { NODE_ENV: "production" });
const env = { ...process.env };
const problems = productionConfigProblems(env);
if (problems) fail(`Refusing to start the production server.\n${problems}`);

const port = Number(env.PORT ?? 3000);
if (!Number.isInteger(port) || port <= 0) fail(`PORT must be a port number, not "${env.PORT}".`);

try {
  const applied = await applyMigrationsInChild(entry, env);
  console.log(applied.length ? `[start] migrations applied: ${applied.join(", ")}` : "[start] migrations: up to date");
} catch (e) {
  fail(`Migrations failed, the server was not started: ${e instanceof Error ? e.message : String(e)}`);
}

await runNext(["start", "--port", String(port)], { env: {}, close: async () => {} }, root);
