import { z } from "zod";
import { listOutboxInput, outboxActionInput } from "@/core/validation/admin-bookings";
import { abandonOutboxMessage, retryOutboxMessage } from "@/modules/admin/outbox/outbox-action";
import { listOutbox } from "@/modules/admin/outbox/list-outbox";
import { dispatchOutboxSoon } from "@/server/jobs/dispatch-soon";
import { adminProcedure, router } from "../../init";
import { paginated } from "./paginated";

const listOutput = paginated(
  z.object({
    id: z.string(),
    kind: z.string(),
    status: z.string(),
    attempts: z.number(),
    lastError: z.string().nullable(),
    lastStatusCode: z.number().nullable(),
    createdAt: z.date(),
    availableAt: z.date(),
    sentAt: z.date().nullable(),
    bookingId: z.string().nullable(),
    clientEmail: z.string().nullable(),
  }),
);
const actionOutput = z.object({ auditId: z.string(), status: z.string() });

/** The console's outbox (admin.outbox.*): what is owed, failed or given up, and the two actions on it. */
export const adminOutboxRouter = router({
  list: adminProcedure
    .input(listOutboxInput)
    .output(listOutput)
    .query(({ ctx, input }) => listOutbox(ctx.db, input)),

  retry: adminProcedure
    .input(outboxActionInput)
    .output(actionOutput)
    .mutation(({ ctx, input }) =>
      retryOutboxMessage({ db: ctx.db, actorId: ctx.user.id, ...input, now: ctx.now(), dispatchOutbox: dispatchOutboxSoon }),
    ),

  abandon: adminProcedure
    .input(outboxActionInput)
    .output(actionOutput)
    .mutation(({ ctx, input }) =>
      abandonOutboxMessage({ db: ctx.db, actorId: ctx.user.id, ...input, now: ctx.now(), dispatchOutbox: dispatchOutboxSoon }),
    ),
});
