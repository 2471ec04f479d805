import { getDb } from "@/server/db/client";

export type HealthReport = {
  ok: boolean;
  database: "up" | "down";
  inbox: { waiting: number; failed: number } | null;
  outbox: { pending: number; failed: number } | null;
  version: string;
};

/**
 * Liveness plus the two numbers an operator needs first: events waiting or failing in
 * the inbox, and side effects (emails, refunds) waiting or failed in the outbox.
 * Only the database decides `ok`; backlogs are reported for alerts, not for restarts.
 */
export async function checkHealth(): Promise<HealthReport> {
  const version = process.env.DD_VERSION ?? process.env.npm_package_version ?? "dev";
  try {
    const db = getDb();
    await db.$queryRaw`SELECT 1`;
    const [waiting, failed, pending, outboxFailed] = await Promise.all([
      db.webhookEvent.count({ where: { status: "RECEIVED" } }),
      db.webhookEvent.count({ where: { status: "FAILED" } }),
      db.outboxMessage.count({ where: { status: "PENDING" } }),
      db.outboxMessage.count({ where: { status: "FAILED" } }),
    ]);
    return { ok: true, database: "up", inbox: { waiting, failed }, outbox: { pending, failed: outboxFailed }, version };
  } catch {
    return { ok: false, database: "down", inbox: null, outbox: null, version };
  }
}
