import { z } from "zod";
import { listAuditInput } from "@/core/validation/admin-bookings";
import { listAuditLog } from "@/modules/audit/list-audit-log";
import { adminProcedure, router } from "../../init";
import { paginated } from "./paginated";

const listOutput = paginated(
  z.object({
    id: z.string(),
    createdAt: z.date(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string(),
    reason: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    actorName: z.string(),
    actorEmail: z.string(),
  }),
);

/** The console's audit log (admin.audit.*): every operator action, newest first. */
export const adminAuditRouter = router({
  list: adminProcedure
    .input(listAuditInput)
    .output(listOutput)
    .query(({ ctx, input }) => listAuditLog(ctx.db, input)),
});
