// The product as the e2e suite sees it (started by Playwright's webServer, after `next build`):
// a fresh migrated database, the Stripe/SendGrid/Calendly sandboxes on fixed ports, demo data,
// and `next start` on E2E_PORT (3100). The database is dropped when the server stops.
//
// Runs by hand too: `npm run build && npx tsx scripts/e2e-server.ts`, then
// `npx playwright test` reuses it (outside CI).
import { createTestDatabase, startLocalStack } from "@booking/devstack";
import { runNext } from "./lib/run-next";
import { localDemo } from "./seed/local-demo";

// E2E_SANDBOX_PORT moves all three (stripe, sendgrid = +1, calendly = +2) so two suites can run side by side.
const sandboxBase = Number(process.env.E2E_SANDBOX_PORT ?? 13111);
const E2E_SANDBOX_PORTS = { stripe: sandboxBase, sendgrid: sandboxBase + 1, calendly: sandboxBase + 2 };

const port = Number(process.env.E2E_PORT ?? 3100);

// The suite must only ever talk to the sandboxes and its own database, whatever the
// developer's shell holds (a real STRIPE_SECRET_KEY would make the stack skip the sandboxes).
for (const name of Object.keys(process.env)) {
  if (/^(STRIPE|SENDGRID|CALENDLY)_/.test(name) || ["DATABASE_URL", "DIRECT_URL", "NEXT_PUBLIC_BASE_URL"].includes(name)) {
    delete process.env[name];
  }
}

// Playwright stops the server by signalling its whole process group. Once Next runs, runNext
// handles the first signal (stop Next, then our close below); later ones must not kill us
// before the database is dropped (its handlers are `once`). A signal during start-up exits
// after dropping whatever database exists.
const started: { db?: Awaited<ReturnType<typeof createTestDatabase>> } = {};
let nextRunning = false;
const onSignal = () => {
  if (nextRunning) return;
  void Promise.resolve(started.db?.drop())
    .catch(() => {})
    .finally(() => process.exit(130));
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

const db = (started.db = await createTestDatabase());
console.log(`[e2e] fresh database ${new URL(db.url).pathname.slice(1)}`);

let stack;
try {
  stack = await startLocalStack({
    appPort: port,
    databaseUrl: db.url,
    sandboxPorts: E2E_SANDBOX_PORTS,
    ...localDemo,
    log: (line) => console.log(`[e2e] ${line}`),
  });
} catch (error) {
  await db.drop().catch(() => {});
  throw error;
}

const closeStack = stack.close;
nextRunning = true;
await runNext(["start", "--port", String(port)], {
  env: stack.env,
  async close() {
    await closeStack().catch((e: unknown) => console.error("[e2e] stopping the sandboxes failed:", e));
    await db.drop().then(
      () => console.log("[e2e] database dropped"),
      (e: unknown) => console.error("[e2e] dropping the database failed:", e),
    );
  },
});
