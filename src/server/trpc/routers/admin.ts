import { z } from "zod";
import { setLeverInput } from "@/core/validation/levers";
import { readLevers } from "@/modules/levers/read-levers";
import { setLever } from "@/modules/levers/set-lever";
import { readConsoleOverview } from "@/modules/admin/overview/read-console-overview";
import { forgetLevers, leverDefaults } from "@/server/levers/lever-cache";
import { adminProcedure, router } from "../init";
import { adminAuditRouter } from "./admin/audit";
import { adminBookingsRouter } from "./admin/bookings";
import { adminMetricsRouter } from "./admin/metrics";
import { adminOutboxRouter } from "./admin/outbox";
import { adminWebhooksRouter } from "./admin/webhooks";

const leverState = z.object({
  name: z.string(),
  value: z.boolean(),
  updatedAt: z.date().nullable(),
  updatedBy: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
});

const overview = z.object({
  failedWebhooks: z.number(),
  heldWebhooks: z.number(),
  waitingWebhooks: z.number(),
  failedOutbox: z.number(),
  needsAttention: z.number(),
  lastReconciliation: z
    .object({
      id: z.string(),
      startedAt: z.date(),
      finishedAt: z.date().nullable(),
      checked: z.number(),
      mismatches: z.number(),
      missedEvents: z.number(),
      error: z.string().nullable(),
    })
    .nullable(),
});

export const adminRouter = router({
  bookings: adminBookingsRouter,
  outbox: adminOutboxRouter,
  audit: adminAuditRouter,
  webhooks: adminWebhooksRouter,
  metrics: adminMetricsRouter,
  /** What needs an operator now: the console's overview (levers come from admin.levers). */
  overview: adminProcedure.output(overview).query(({ ctx }) => readConsoleOverview(ctx.db)),

  /** Every lever as stored now (not this instance's cache); updatedAt null: the environment default applies. */
  levers: adminProcedure.output(z.array(leverState)).query(({ ctx }) => readLevers(ctx.db, { defaults: leverDefaults() })),

  setLever: adminProcedure
    .input(setLeverInput)
    .output(z.object({ changed: z.boolean(), auditId: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const { changed, auditId } = await setLever({
        db: ctx.db,
        actorId: ctx.user.id,
        ...input,
        fallback: leverDefaults()[input.lever],
        now: ctx.now(),
      });
      // This instance at once; the others within LEVER_TTL_MS.
      forgetLevers(ctx.db);
      return { changed, auditId };
    }),
});
