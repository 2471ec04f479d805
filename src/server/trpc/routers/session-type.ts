import { z } from "zod";
import { archiveSessionType } from "@/modules/session-types/archive-session-type";
import { createSessionType } from "@/modules/session-types/create-session-type";
import { listActiveSessionTypes, listOwnSessionTypes } from "@/modules/session-types/list-session-types";
import { unarchiveSessionType } from "@/modules/session-types/unarchive-session-type";
import { updateSessionType } from "@/modules/session-types/update-session-type";
import { linkCalendlyEventType } from "@/modules/session-types/link-calendly-event-type";
import { getCalendlyAccount, type CalendlyAccount } from "@/modules/calendly-account/calendly-account";
import { connectCalendlyUser } from "@/modules/calendly-account/connect-calendly-user";
import { disconnectCalendlyUser } from "@/modules/calendly-account/disconnect-calendly-user";
import { listOwnEventTypes } from "@/modules/calendly-account/list-own-event-types";
import { AppError } from "@/core/errors";
import { requestPathPorts } from "@/server/booking-services";
import { builderProcedure, publicProcedure, router } from "../init";
import { httpUrl, id } from "@/core/validation/fields";
import { ownSessionType, publicSessionType, sessionTypeInput, sessionTypeUpdateInput } from "@/core/validation/session-type";

const calendlyAccountView = z.object({
  email: z.string(),
  connected: z.boolean(),
  mappedSessionTypes: z.array(z.object({ id: z.string(), title: z.string() })),
});
// The user URI stays on the server: the builder needs to know whether, not which.
const accountView = (a: CalendlyAccount) => ({
  email: a.email,
  connected: a.calendlyUserUri !== null,
  mappedSessionTypes: a.mappedSessionTypes,
});

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

  /** The builder's link to their own Calendly user (within the platform's organization). */
  calendlyAccount: builderProcedure
    .output(calendlyAccountView)
    .query(async ({ ctx }) => accountView(await getCalendlyAccount(ctx.db, { builderId: ctx.builderId }))),

  connectCalendly: builderProcedure
    .output(calendlyAccountView)
    .mutation(async ({ ctx }) =>
      accountView(await connectCalendlyUser({ db: ctx.db, calendly: requestPathPorts.calendly, builderId: ctx.builderId })),
    ),

  disconnectCalendly: builderProcedure
    .output(calendlyAccountView)
    .mutation(async ({ ctx }) => accountView(await disconnectCalendlyUser(ctx.db, { builderId: ctx.builderId }))),

  /** The builder's own Calendly event types, to choose a mapping from. */
  calendlyEventTypes: builderProcedure
    .output(z.array(z.object({ uri: z.string(), name: z.string(), durationMinutes: z.number(), schedulingUrl: z.string() })))
    .query(async ({ ctx }) =>
      (await listOwnEventTypes({ db: ctx.db, calendly: requestPathPorts.calendly, builderId: ctx.builderId })).map(
        ({ uri, name, durationMinutes, schedulingUrl }) => ({ uri, name, durationMinutes, schedulingUrl }),
      ),
    ),

  linkCalendly: builderProcedure
    .input(z.strictObject({ id, eventTypeUri: httpUrl.nullable() }))
    .output(ownSessionType)
    .mutation(async ({ ctx, input }) => {
      let eventType = null;
      if (input.eventTypeUri) {
        eventType = await requestPathPorts.calendly.getEventType(input.eventTypeUri);
        if (!eventType?.active) throw new AppError("NOT_FOUND", "No such active Calendly event type");
      }
      // Whose event type it is, is checked by the use-case against the builder's own Calendly user.
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
