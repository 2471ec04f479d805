import { z } from "zod";
import { publicProcedure, router } from "../init";

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
        })
        .nullable(),
    )
    .query(async ({ ctx }) => {
      if (!ctx.userId) return null;
      const user = await ctx.db.user.findUnique({
        where: { id: ctx.userId },
        select: { id: true, name: true, email: true, role: true, builder: { select: { slug: true } } },
      });
      if (!user) return null;
      const { builder, ...rest } = user;
      return { ...rest, builderSlug: builder?.slug ?? null };
    }),
});
