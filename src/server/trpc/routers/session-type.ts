import { z } from "zod";
import { archiveSessionType } from "@/modules/session-types/archive-session-type";
import { createSessionType } from "@/modules/session-types/create-session-type";
import { listActiveSessionTypes, listOwnSessionTypes } from "@/modules/session-types/list-session-types";
import { updateSessionType } from "@/modules/session-types/update-session-type";
import { builderProcedure, publicProcedure, router } from "../init";
import { id, ownSessionType, publicSessionType, sessionTypeFields } from "../schemas";

export const sessionTypeRouter = router({
  listByBuilder: publicProcedure
    .input(z.strictObject({ builderId: id }))
    .output(z.array(publicSessionType))
    .query(({ ctx, input }) => listActiveSessionTypes(ctx.db, input.builderId)),

  mine: builderProcedure.output(z.array(ownSessionType)).query(({ ctx }) => listOwnSessionTypes(ctx.db, ctx.builderId)),

  create: builderProcedure
    .input(sessionTypeFields)
    .output(ownSessionType)
    .mutation(({ ctx, input }) => createSessionType(ctx.db, { ...input, builderId: ctx.builderId })),

  update: builderProcedure
    .input(sessionTypeFields.partial().extend({ id }))
    .output(ownSessionType)
    .mutation(({ ctx, input }) => updateSessionType(ctx.db, { ...input, builderId: ctx.builderId })),

  archive: builderProcedure
    .input(z.strictObject({ id }))
    .output(ownSessionType)
    .mutation(({ ctx, input }) => archiveSessionType(ctx.db, { id: input.id, builderId: ctx.builderId })),
});
