import { z } from "zod";
import { becomeBuilder } from "@/modules/builders/become-builder";
import { getBuilderBySlug } from "@/modules/builders/get-builder-by-slug";
import { listBuilders } from "@/modules/builders/list-builders";
import { ownProfileSelect } from "@/modules/builders/builder-profile-select";
import { updateBuilderProfile } from "@/modules/builders/update-builder-profile";
import { sqlReaderFor } from "@/server/db/client";
import { authenticatedProcedure, builderProcedure, publicProcedure, router } from "../init";
import {
  freeText,
  MAX_PRICE_CENTS,
  ownProfile,
  publicSessionType,
  searchText,
  singleLineText,
  slug,
  tags,
  timeZone,
  urlSafeToken,
  wholeNumber,
} from "../schemas";

const profileFields = z.strictObject({
  displayName: singleLineText({ min: 2, max: 80 }),
  headline: singleLineText({ min: 2, max: 140 }),
  bio: freeText({ max: 4000 }),
  tags,
  timeZone,
});

const builderCard = z.object({
  id: z.string(),
  slug: z.string(),
  displayName: z.string(),
  headline: z.string(),
  tags: z.array(z.string()),
  timeZone: z.string(),
  minPriceCents: z.number().nullable(),
  maxPriceCents: z.number().nullable(),
  currency: z.string().nullable(),
});

export const builderRouter = router({
  list: publicProcedure
    .input(
      z
        .strictObject({
          q: searchText({ max: 100 }).optional(),
          tag: singleLineText({ max: 30 }).optional(),
          // Filters beyond the highest possible price match nothing new; refusing them keeps int4 safe.
          minPriceCents: wholeNumber({ min: 0, max: MAX_PRICE_CENTS }).optional(),
          maxPriceCents: wholeNumber({ min: 0, max: MAX_PRICE_CENTS }).optional(),
          cursor: urlSafeToken({ max: 400 }).nullish(),
          limit: wholeNumber({ min: 1, max: 50 }).default(12),
          // Sent by tRPC's infinite-query client on every page request; pages only go forward.
          direction: z.enum(["forward", "backward"]).optional(),
        })
        .refine((i) => i.minPriceCents === undefined || i.maxPriceCents === undefined || i.minPriceCents <= i.maxPriceCents, {
          message: "minPriceCents must not exceed maxPriceCents",
          path: ["minPriceCents"],
        }),
    )
    .output(z.object({ items: z.array(builderCard), nextCursor: z.string().nullable() }))
    .query(({ ctx, input }) => listBuilders(sqlReaderFor(ctx.db), { ...input, cursor: input.cursor ?? undefined })),

  bySlug: publicProcedure
    .input(z.strictObject({ slug }))
    .output(
      // Plain strings: rows written before the input rules tightened must still render.
      z.object({
        id: z.string(),
        slug: z.string(),
        displayName: z.string(),
        headline: z.string(),
        bio: z.string(),
        tags: z.array(z.string()),
        timeZone: z.string(),
        sessionTypes: z.array(publicSessionType),
      }),
    )
    .query(({ ctx, input }) => getBuilderBySlug(ctx.db, input.slug)),

  becomeBuilder: authenticatedProcedure
    .input(profileFields.extend({ slug }))
    .output(ownProfile)
    .mutation(({ ctx, input }) => ctx.db.$transaction((tx) => becomeBuilder(tx, { ...input, userId: ctx.user.id }))),

  mine: builderProcedure
    .output(ownProfile)
    .query(({ ctx }) => ctx.db.builderProfile.findUniqueOrThrow({ where: { id: ctx.builderId }, select: ownProfileSelect })),

  updateProfile: builderProcedure
    .input(profileFields.partial().extend({ published: z.boolean().optional() }))
    .output(ownProfile)
    .mutation(({ ctx, input }) => updateBuilderProfile(ctx.db, { ...input, builderId: ctx.builderId })),
});
