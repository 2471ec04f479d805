import { AppError } from "@/core/errors";
import type { WebhookStatus } from "@/generated/prisma/enums";
import { recordAudit } from "@/modules/audit/record-audit";
import type { BookingConfig } from "@/modules/shared/booking-config";
import type { Db, Tx } from "@/modules/shared/tx";
import { processWebhookEvent } from "./process-webhook-event";

/** apply: a HELD event (manual booking mode); replay: one that failed, was ignored or dismissed. */
export type ReprocessAction = "apply" | "replay";

const ACTS_ON: Record<ReprocessAction, readonly WebhookStatus[]> = {
  apply: ["HELD"],
  replay: ["FAILED", "IGNORED", "DISMISSED"],
};
const REFUSAL: Record<ReprocessAction, string> = {
  apply: "Only a held event can be applied",
  replay: "Only a failed, ignored or dismissed event can be replayed",
};

export type ReprocessOptions = {
  db: Db;
  actorId: string;
  eventId: string;
  action: ReprocessAction;
  reason: string;
  config: Pick<BookingConfig, "holdMinutes" | "manageTokenSecret" | "refundPolicy">;
  now: Date;
};

export type ReprocessResult = { outcome: "processed" | "ignored" | "failed"; status: WebhookStatus; error: string | null };

/**
 * An operator applies or replays one event through processWebhookEvent itself (the automatic
 * path), so the booking ends exactly as automatic processing would have left it. Applied, the
 * audit row commits with the change; if the event turns out unusable or processing fails
 * (recorded on the row as IGNORED or FAILED), the attempt is audited on its own afterwards.
 * The levers do not stop it: the operator's decision is the point (docs/decisions/0022).
 */
export async function reprocessWebhookEvent(options: ReprocessOptions): Promise<ReprocessResult> {
  const { db, actorId, eventId, action, reason } = options;
  const from = ACTS_ON[action];
  const current = await db.webhookEvent.findUnique({ where: { id: eventId }, select: { status: true } });
  if (!current) throw new AppError("NOT_FOUND", "No such webhook event");
  if (!from.includes(current.status)) throw new AppError("INVALID_STATE", `${REFUSAL[action]}; this one is ${current.status}`);
  if (!reason.trim()) throw new AppError("VALIDATION", "Give a reason");

  const audit = (tx: Tx, after: Record<string, string | null>) =>
    recordAudit(tx, {
      actorId,
      action: `webhook.${action}`,
      target: { type: "WebhookEvent", id: eventId },
      reason,
      before: { status: current.status },
      after,
    });

  let audited = false;
  let outcome;
  try {
    outcome = await processWebhookEvent(db, {
      eventId,
      from,
      now: options.now,
      ...options.config,
      onApplied: async (tx, applied) => {
        await audit(tx, { status: applied.outcome === "processed" ? "PROCESSED" : "IGNORED", bookingId: applied.bookingId });
        audited = true;
      },
    });
  } catch {
    outcome = "failed" as const;
  }
  if (outcome === "already-done" || outcome === "missing" || outcome === "held") {
    throw new AppError("CONFLICT", "The event changed meanwhile (another operator or a worker took it); reload and check it");
  }
  const row = await db.webhookEvent.findUniqueOrThrow({ where: { id: eventId }, select: { status: true, lastError: true } });
  if (!audited) await audit(db, { status: row.status, error: row.lastError });
  return { outcome, status: row.status, error: row.lastError };
}
