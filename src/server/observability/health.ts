import type { LeverValues } from "@/modules/levers/read-levers";
import { getDb } from "@/server/db/client";
import { currentLevers } from "@/server/levers/lever-cache";
import { checkRedis, type RedisHealth } from "@/server/redis";

export type HealthReport = {
  ok: boolean;
  database: "up" | "down";
  /** The shared rate limiter; "down" means mutations are refused (503) while reads go on. */
  redis: RedisHealth;
  inbox: { waiting: number; failed: number } | null;
  outbox: { pending: number; failed: number } | null;
  /** The runtime levers in effect on this instance (at most LEVER_TTL_MS old). */
  levers: LeverValues | null;
  version: string;
};

/**
 * Liveness plus the two numbers an operator needs first: events waiting or failing in
 * the inbox, and side effects (emails, refunds) waiting or failed in the outbox.
 * Only the database decides `ok`; backlogs are reported for alerts, not for restarts.
 * Redis does not decide `ok` either: it is shared by every instance, so a load balancer
 * taking instances out (or an orchestrator restarting them) would turn a write outage into
 * a full one without fixing anything; reads still work. Alert on `redis: "down"` instead.
 */
export async function checkHealth(): Promise<HealthReport> {
  const version = process.env.DD_VERSION ?? process.env.npm_package_version ?? "dev";
  const redisCheck = checkRedis();
  const database = await checkDatabase();
  return { ...database, redis: await redisCheck, version };
}

async function checkDatabase(): Promise<Pick<HealthReport, "ok" | "database" | "inbox" | "outbox" | "levers">> {
  try {
    const db = getDb();
    await db.$queryRaw`SELECT 1`;
    const [waiting, failed, pending, outboxFailed, levers] = await Promise.all([
      db.webhookEvent.count({ where: { status: "RECEIVED" } }),
      db.webhookEvent.count({ where: { status: "FAILED" } }),
      db.outboxMessage.count({ where: { status: "PENDING" } }),
      db.outboxMessage.count({ where: { status: "FAILED" } }),
      currentLevers(db),
    ]);
    return { ok: true, database: "up", inbox: { waiting, failed }, outbox: { pending, failed: outboxFailed }, levers };
  } catch {
    return { ok: false, database: "down", inbox: null, outbox: null, levers: null };
  }
}
