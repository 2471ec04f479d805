// npm run db:status — like prisma migrate status; exits 1 unless the database is up to date,
// so CI and deploy scripts can gate on it.
import { migrationStatus } from "@booking/devstack/migrations";
import { runWithDatabase } from "./cli";

await runWithDatabase(async (url) => {
  const s = await migrationStatus(url);
  const list = (title: string, names: string[]) => names.length > 0 && console.log(`${title}:\n${names.map((m) => `  ${m}`).join("\n")}`);
  list("Pending (run npm run db:migrate)", s.pending);
  list("Failed (fix the database, then mark it rolled back or applied)", s.failed);
  list("Edited after being applied", s.edited);
  list("Applied but missing from prisma/migrations", s.notInDirectory);
  if (s.upToDate) console.log("Database schema is up to date.");
  return s.upToDate ? 0 : 1;
});
