// `npm start`: the production server (after `npm run build`). With DATABASE_URL and the
// provider keys configured it uses them; without, it runs on the local defaults like dev.
import { runNext } from "./lib/run-next";
import { startLocalStack } from "./lib/local-stack";

const port = Number(process.env.PORT ?? 3000);
const configured = Boolean(process.env.DATABASE_URL && process.env.STRIPE_SECRET_KEY);
if (configured) {
  const { applyMigrations } = await import("./lib/migrations");
  await applyMigrations(process.env.DIRECT_URL ?? process.env.DATABASE_URL!);
  await runNext(["start", "--port", String(port)], { env: {}, close: async () => {} });
} else {
  const stack = await startLocalStack({ appPort: port });
  await runNext(["start", "--port", String(port)], stack);
}
