import { z } from "zod";
import { setTimeZoneInput } from "@/core/validation/viewer";
import { setUserTimeZone } from "@/modules/users/set-time-zone";
import { authenticatedProcedure, publicProcedure, router } from "../init";

export const viewerRouter = router({
  me: publicProcedure
    .output(
      z
        .object({
          id: z.string(),
          name: z.string(),
          email: z.string(),
          role: z.enum(["CLIENT", "BUILDER", "ADMIN"]),
          builderSlug: z.string().nullable(),
          /** The zone they last picked to read times in; null until they pick one. */
          timeZone: z.string().nullable(),
        })
        .nullable(),
    )
    .query(async ({ ctx }) => {
      if (!ctx.userId) return null;
      const user = await ctx.db.user.findUnique({
        where: { id: ctx.userId },
        select: { id: true, name: true, email: true, role: true, timeZone: true, builder: { select: { slug: true } } },
      });
      if (!user) return null;
      const { builder, ...rest } = user;
      return { ...rest, builderSlug: builder?.slug ?? null };
    }),

  /** Remembers the zone a signed-in viewer reads times in (the zone picker calls it). */
  setTimeZone: authenticatedProcedure
    .input(setTimeZoneInput)
    .output(z.object({ timeZone: z.string() }))
    .mutation(({ ctx, input }) => setUserTimeZone(ctx.db, { userId: ctx.user.id, timeZone: input.timeZone })),
});
