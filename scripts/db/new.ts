// npm run db:new -- <name> — write a migration for the changes in prisma/schema.prisma
// (prisma migrate dev --create-only). It is not applied: review it, add raw SQL if needed,
// then npm run db:migrate.
import { createMigration } from "@booking/devstack/migrations";
import { runWithDatabase } from "./cli";

const name = process.argv.slice(2).join("_");
if (!name) {
  console.error("Usage: npm run db:new -- <name>   (e.g. npm run db:new -- add_booking_notes)");
  process.exitCode = 2;
} else {
  await runWithDatabase(async (url) => {
    const folder = await createMigration(url, name);
    if (!folder) {
      console.log("prisma/schema.prisma and prisma/migrations agree: no migration created.");
      return;
    }
    console.log(`Created prisma/migrations/${folder}/migration.sql\nReview it, then run npm run db:migrate.`);
  });
}
