import { z } from "zod";
import { archiveSessionType } from "@/modules/session-types/archive-session-type";
import { createSessionType } from "@/modules/session-types/create-session-type";
import { listActiveSessionTypes, listOwnSessionTypes } from "@/modules/session-types/list-session-types";
import { unarchiveSessionType } from "@/modules/session-types/unarchive-session-type";
import { updateSessionType } from "@/modules/session-types/update-session-type";
import { linkCalendlyEventType } from "@/modules/session-types/link-calendly-event-type";
import { AppError } from "@/core/errors";
import { calendlyClient } from "@/server/providers/calendly-client";
import { withProvider } from "@/server/providers/provider-errors";
import { builderProcedure, publicProcedure, router } from "../init";
import { httpUrl, id } from "@/core/validation/fields";
import { ownSessionType, publicSessionType, sessionTypeInput, sessionTypeUpdateInput } from "@/core/validation/session-type";

export const sessionTypeRouter = router({
  listByBuilder: publicProcedure
    .input(z.strictObject({ builderId: id }))
    .output(z.array(publicSessionType))
    .query(({ ctx, input }) => listActiveSessionTypes(ctx.db, input.builderId)),

  mine: builderProcedure.output(z.array(ownSessionType)).query(({ ctx }) => listOwnSessionTypes(ctx.db, ctx.builderId)),

  create: builderProcedure
    .input(sessionTypeInput)
    .output(ownSessionType)
    .mutation(({ ctx, input }) => createSessionType(ctx.db, { ...input, builderId: ctx.builderId })),

  update: builderProcedure
    .input(sessionTypeUpdateInput)
    .output(ownSessionType)
    .mutation(({ ctx, input }) => updateSessionType(ctx.db, { ...input, builderId: ctx.builderId })),

  /** The builder's Calendly event types, to choose a mapping from. */
  calendlyEventTypes: builderProcedure
    .output(z.array(z.object({ uri: z.string(), name: z.string(), durationMinutes: z.number(), schedulingUrl: z.string() })))
    .query(async () =>
      (await withProvider("Calendly", () => calendlyClient.listEventTypes())).map(({ uri, name, durationMinutes, schedulingUrl }) => ({
        uri,
        name,
        durationMinutes,
        schedulingUrl,
      })),
    ),

  linkCalendly: builderProcedure
    .input(z.strictObject({ id, eventTypeUri: httpUrl.nullable() }))
    .output(ownSessionType)
    .mutation(async ({ ctx, input }) => {
      let eventType = null;
      if (input.eventTypeUri) {
        eventType =
          (await withProvider("Calendly", () => calendlyClient.listEventTypes())).find((t) => t.uri === input.eventTypeUri) ?? null;
        if (!eventType) throw new AppError("NOT_FOUND", "No such Calendly event type on the connected account");
      }
      return linkCalendlyEventType(ctx.db, { builderId: ctx.builderId, id: input.id, eventType });
    }),

  archive: builderProcedure
    .input(z.strictObject({ id }))
    .output(ownSessionType)
    .mutation(({ ctx, input }) => archiveSessionType(ctx.db, { id: input.id, builderId: ctx.builderId })),

  unarchive: builderProcedure
    .input(z.strictObject({ id }))
    .output(ownSessionType)
    .mutation(({ ctx, input }) => unarchiveSessionType(ctx.db, { id: input.id, builderId: ctx.builderId })),
});
