// npm run db:seed — the demo data (accounts in the README) into an empty, migrated database.
// Never with NODE_ENV=production: the demo accounts share a published password.
import { localProviderDefaults } from "@booking/devstack/local-defaults";
import { migrationStatus } from "@booking/devstack/migrations";
import { getDb } from "../../src/server/db/client";
import { DEMO_PASSWORD, demoAccounts } from "../seed/demo-data";
import { assertDemoSeedingAllowed, seedDemoData } from "../seed/seed-demo-data";
import { runWithDatabase } from "./cli";

try {
  assertDemoSeedingAllowed();
} catch (e) {
  console.error(`Error: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}

await runWithDatabase(async (url) => {
  const { pending } = await migrationStatus(url);
  if (pending.length > 0) {
    console.error(`${pending.length} pending migration(s): run \`npm run db:migrate\` first.`);
    return 1;
  }
  // Sign-up goes through the app's auth, which validates the whole configuration: fill what
  // a local shell lacks with the local defaults (as `npm run dev` does).
  for (const [name, value] of Object.entries(localProviderDefaults)) process.env[name] ??= value;
  process.env.DATABASE_URL = url;
  try {
    const { seeded } = await seedDemoData(getDb());
    if (!seeded) {
      console.log("The database already has users: nothing seeded (demo data only goes into an empty database).");
      return;
    }
    console.log(`Seeded demo data. Accounts (password ${DEMO_PASSWORD}): ${demoAccounts.map((a) => a.email).join(", ")}`);
  } finally {
    await getDb().$disconnect();
  }
});
