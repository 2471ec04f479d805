import { z } from "zod";
import { becomeBuilder } from "@/modules/builders/become-builder";
import { getBuilderBySlug } from "@/modules/builders/get-builder-by-slug";
import { listBuilders } from "@/modules/builders/list-builders";
import { ownProfileSelect } from "@/modules/builders/builder-profile-select";
import { updateBuilderProfile } from "@/modules/builders/update-builder-profile";
import { sqlReaderFor } from "@/server/db/client";
import { authenticatedProcedure, builderProcedure, publicProcedure, router } from "../init";
import { becomeBuilderInput } from "@/core/validation/become-builder";
import { ownProfile, profileUpdateInput, publicBuilder } from "@/core/validation/builder-profile";
import { builderCard, builderListInput } from "@/core/validation/builder-search";
import { slug } from "@/core/validation/fields";

export const builderRouter = router({
  list: publicProcedure
    .input(builderListInput)
    .output(z.object({ items: z.array(builderCard), nextCursor: z.string().nullable() }))
    .query(({ ctx, input }) => listBuilders(sqlReaderFor(ctx.db), { ...input, cursor: input.cursor ?? undefined })),

  bySlug: publicProcedure
    .input(z.strictObject({ slug }))
    .output(publicBuilder)
    .query(({ ctx, input }) => getBuilderBySlug(ctx.db, input.slug)),

  becomeBuilder: authenticatedProcedure
    .input(becomeBuilderInput)
    .output(ownProfile)
    .mutation(({ ctx, input }) => ctx.db.$transaction((tx) => becomeBuilder(tx, { ...input, userId: ctx.user.id }))),

  mine: builderProcedure
    .output(ownProfile)
    .query(({ ctx }) => ctx.db.builderProfile.findUniqueOrThrow({ where: { id: ctx.builderId }, select: ownProfileSelect })),

  updateProfile: builderProcedure
    .input(profileUpdateInput)
    .output(ownProfile)
    .mutation(({ ctx, input }) => updateBuilderProfile(ctx.db, { ...input, builderId: ctx.builderId })),
});
