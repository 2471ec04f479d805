import path from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase } from "@booking/devstack/test-database";
import {
  startCalendlySandbox,
  startSendgridSandbox,
  startStripeSandbox,
  type CalendlySandbox,
  type SendgridSandbox,
} from "@booking/provider-sandbox";
import type { PrismaClient } from "@/generated/prisma/client";
import { createDb } from "@/server/db/client";
import { productionEnv } from "@/testing/production-env";
import { freePort, startThrowawayRedis, type ThrowawayRedis } from "@/testing/redis-server";
import { answers200, spawnLogged, waitUntilReady, type LoggedChild } from "./child-process";

// The production topology on one machine, from the build Playwright's webServer made (.next,
// dist/worker.mjs): web instances (`next start`, RUN_WORKERS=false) and one worker
// (`npm run worker`), all on one fresh database and one Redis, with a complete production
// configuration (no ALLOW_LOCAL_DEFAULTS) pointed at sandboxes of this cluster's own. Redis is
// a throwaway redis-server, so a test may stop it without touching the machine's.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const START_TIMEOUT_MS = 60_000;

export type AppCluster = {
  /** Base URLs of the web instances. */
  instances: string[];
  worker: LoggedChild;
  redis: ThrowawayRedis;
  db: PrismaClient;
  sendgrid: SendgridSandbox;
  calendly: CalendlySandbox;
  calendlySigningKey: string;
  /** Every process's recent output, for failure messages. */
  output(): string;
  close(): Promise<void>;
};

export async function startAppCluster({ instances = 2, rateLimitPerMinute }: { instances?: number; rateLimitPerMinute: number }) {
  const closers: (() => Promise<unknown>)[] = [];
  // Last started, first stopped; every step runs even when one fails.
  const close = async () => {
    for (const closer of closers.reverse()) await closer().catch((e: unknown) => console.error("[multi-instance] cleanup:", e));
  };
  try {
    const [database, redis, sendgrid, stripe] = await Promise.all([
      createTestDatabase().then((d) => (closers.push(d.drop), d)),
      startThrowawayRedis().then((r) => (closers.push(r.kill), r)),
      startSendgridSandbox({ port: 0 }).then((s) => (closers.push(() => s.close()), s)),
      startStripeSandbox({ port: 0, webhookSecret: "whsec_1" }).then((s) => (closers.push(() => s.close()), s)),
    ]);
    const ports = await Promise.all(Array.from({ length: instances }, () => freePort()));
    const urls = ports.map((port) => `http://127.0.0.1:${port}`);
    const base = productionEnv(database.url);
    // Its signed events are POSTed by the tests themselves, to every instance.
    const calendly = await startCalendlySandbox({
      port: 0,
      token: base.CALENDLY_API_TOKEN!,
      signingKey: base.CALENDLY_WEBHOOK_SIGNING_KEY!,
      username: base.CALENDLY_USERNAME!,
    });
    closers.push(() => calendly.close());
    const env = productionEnv(database.url, {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      STRIPE_WEBHOOK_SECRET: "whsec_1",
      STRIPE_API_BASE: stripe.url,
      SENDGRID_API_BASE: sendgrid.url,
      CALENDLY_API_BASE: calendly.url,
      REDIS_URL: redis.url,
      RATE_LIMIT_PER_MINUTE: String(rateLimitPerMinute),
      // The tests name their client in X-Forwarded-For, as one load balancer in front would.
      TRUSTED_PROXY_HOPS: "1",
      RUN_WORKERS: "false",
      WORKER_SHUTDOWN_TIMEOUT_MS: "2000",
    });

    const db = createDb(database.url, { poolSize: 4 });
    closers.push(() => db.$disconnect());
    const worker = spawnLogged("worker", ["dist/worker.mjs"], { cwd: root, env });
    closers.push(() => worker.stop());
    const web = ports.map((port, i) => {
      const proc = spawnLogged(`web ${i + 1}`, ["node_modules/next/dist/bin/next", "start", "--port", String(port)], { cwd: root, env });
      closers.push(() => proc.stop());
      return proc;
    });
    const processes = [worker, ...web];
    await Promise.all([
      waitUntilReady(worker, async () => worker.output().includes("worker started"), "no 'worker started'", START_TIMEOUT_MS),
      ...web.map((proc, i) => waitUntilReady(proc, () => answers200(`${urls[i]}/api/health`), "no 200 from /api/health", START_TIMEOUT_MS)),
    ]);
    return {
      instances: urls,
      worker,
      redis,
      db,
      sendgrid,
      calendly,
      calendlySigningKey: base.CALENDLY_WEBHOOK_SIGNING_KEY!,
      output: () => processes.map((p) => `--- ${p.name} ---\n${p.output()}`).join("\n"),
      close,
    } satisfies AppCluster;
  } catch (error) {
    await close();
    throw error;
  }
}
