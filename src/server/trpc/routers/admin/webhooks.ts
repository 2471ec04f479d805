import { z } from "zod";
import {
  listWebhooksInput,
  REPLAY_FAILED_LIMIT,
  replayFailedInput,
  WEBHOOK_PAGE_SIZE,
  webhookActionInput,
  webhookProviderFilter,
  webhookStatusFilter,
} from "@/core/validation/admin-webhooks";
import { id } from "@/core/validation/fields";
import { dismissWebhookEvent } from "@/modules/webhooks/dismiss-webhook-event";
import { getWebhookEvent } from "@/modules/webhooks/get-webhook-event";
import { listWebhookEvents } from "@/modules/webhooks/list-webhook-events";
import { replayFailedEvents } from "@/modules/webhooks/replay-failed-events";
import { reprocessWebhookEvent, type ReprocessAction } from "@/modules/webhooks/reprocess-webhook-event";
import { bookingConfig } from "@/server/booking-services";
import { dispatchOutboxSoon } from "@/server/jobs/dispatch-soon";
import type { TrpcContext } from "@/server/trpc/context";
import { adminProcedure, router } from "../../init";
import { paginated } from "./paginated";

const summary = z.object({
  id: z.string(),
  provider: webhookProviderFilter,
  externalId: z.string(),
  type: z.string(),
  status: webhookStatusFilter,
  receivedAt: z.date(),
  processedAt: z.date().nullable(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  bookingId: z.string().nullable(),
});
const detail = summary.extend({
  payload: z.string(),
  actions: z.array(
    z.object({
      id: z.string(),
      action: z.string(),
      reason: z.string(),
      createdAt: z.date(),
      actor: z.object({ name: z.string(), email: z.string() }),
    }),
  ),
});
const reprocessed = z.object({
  outcome: z.enum(["processed", "ignored", "failed"]),
  status: webhookStatusFilter,
  error: z.string().nullable(),
});

async function reprocess(ctx: TrpcContext & { user: { id: string } }, input: { id: string; reason: string }, action: ReprocessAction) {
  const result = await reprocessWebhookEvent({
    db: ctx.db,
    actorId: ctx.user.id,
    eventId: input.id,
    action,
    reason: input.reason,
    config: bookingConfig(),
    now: ctx.now(),
  });
  // The emails and refunds it owes leave now rather than at the next recovery pass.
  if (result.outcome === "processed") dispatchOutboxSoon();
  return result;
}

/** The console's webhook inbox: admins only; every action needs a reason and writes an AuditLog row. */
export const adminWebhooksRouter = router({
  list: adminProcedure
    .input(listWebhooksInput)
    .output(paginated(summary).extend({ types: z.array(z.string()) }))
    .query(({ ctx, input }) => {
      const { page, ...filter } = input;
      return listWebhookEvents(ctx.db, { filter, page, pageSize: WEBHOOK_PAGE_SIZE });
    }),

  get: adminProcedure
    .input(z.strictObject({ id }))
    .output(detail)
    .query(({ ctx, input }) => getWebhookEvent(ctx.db, { eventId: input.id })),

  /** A HELD event (manual booking mode), applied as automatic processing would have. */
  applyHeld: adminProcedure
    .input(webhookActionInput)
    .output(reprocessed)
    .mutation(({ ctx, input }) => reprocess(ctx, input, "apply")),

  /** A FAILED, IGNORED or DISMISSED event, processed again through the same path. */
  replay: adminProcedure
    .input(webhookActionInput)
    .output(reprocessed)
    .mutation(({ ctx, input }) => reprocess(ctx, input, "replay")),

  dismiss: adminProcedure
    .input(webhookActionInput)
    .output(z.object({ status: z.literal("DISMISSED") }))
    .mutation(({ ctx, input }) => dismissWebhookEvent({ db: ctx.db, actorId: ctx.user.id, eventId: input.id, reason: input.reason })),

  /** Up to REPLAY_FAILED_LIMIT failed events per call, oldest first; says how many remain. */
  replayFailed: adminProcedure
    .input(replayFailedInput)
    .output(z.object({ replayed: z.number(), processed: z.number(), ignored: z.number(), failed: z.number(), remaining: z.number() }))
    .mutation(async ({ ctx, input }) => {
      const result = await replayFailedEvents({
        db: ctx.db,
        actorId: ctx.user.id,
        reason: input.reason,
        config: bookingConfig(),
        now: ctx.now(),
        limit: REPLAY_FAILED_LIMIT,
      });
      if (result.processed) dispatchOutboxSoon();
      return result;
    }),
});
