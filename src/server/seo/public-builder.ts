import "server-only";
import { cache } from "react";
import { isAppError } from "@/core/errors";
import { getBuilderBySlug } from "@/modules/builders/get-builder-by-slug";
import { getDb } from "@/server/db/client";
import { slug as slugSchema } from "@/core/validation/fields";

export type PublicBuilder = Awaited<ReturnType<typeof getBuilderBySlug>>;

/**
 * A published builder's profile for server-rendered pages, or null when there is none (an
 * unknown or unpublished slug, or one that cannot be a slug at all: it never reaches the
 * database). Cached per request, so the page, its metadata and its image share one query.
 */
export const findPublicBuilder = cache(async (slug: string): Promise<PublicBuilder | null> => {
  if (!slugSchema.safeParse(slug).success) return null;
  try {
    return await getBuilderBySlug(getDb(), slug);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  }
});
