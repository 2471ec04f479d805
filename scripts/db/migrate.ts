// npm run db:migrate — apply pending migrations (prisma migrate deploy, without native engines).
import { applyMigrations } from "@booking/devstack/migrations";
import { runWithDatabase } from "./cli";

await runWithDatabase(async (url) => {
  const started = performance.now();
  const { applied } = await applyMigrations(url);
  const ms = Math.round(performance.now() - started);
  if (applied.length === 0) console.log("No pending migrations: the database is up to date.");
  else console.log(`Applied ${applied.length} migration(s) in ${ms} ms:\n${applied.map((m) => `  ${m}`).join("\n")}`);
});
