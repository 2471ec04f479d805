import { z } from "zod";
import { setLeverInput } from "@/core/validation/levers";
import { readLevers } from "@/modules/levers/read-levers";
import { setLever } from "@/modules/levers/set-lever";
import { forgetLevers, leverDefaults } from "@/server/levers/lever-cache";
import { adminProcedure, router } from "../init";
import { adminBookingsRouter } from "./admin/bookings";
import { adminMetricsRouter } from "./admin/metrics";
import { adminWebhooksRouter } from "./admin/webhooks";

const leverState = z.object({
  name: z.string(),
  value: z.boolean(),
  updatedAt: z.date().nullable(),
  updatedBy: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
});

export const adminRouter = router({
  bookings: adminBookingsRouter,
  webhooks: adminWebhooksRouter,
  metrics: adminMetricsRouter,
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
