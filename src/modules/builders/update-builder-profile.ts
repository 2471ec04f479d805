import type { Tx } from "@/modules/shared/tx";
import { notFound } from "@/core/errors";
import { ownProfileSelect } from "./builder-profile-select";

export type UpdateBuilderProfileInput = {
  builderId: string;
  displayName?: string | undefined;
  headline?: string | undefined;
  bio?: string | undefined;
  tags?: string[] | undefined;
  timeZone?: string | undefined;
  published?: boolean | undefined;
};

export async function updateBuilderProfile(tx: Tx, { builderId, tags, ...changes }: UpdateBuilderProfileInput) {
  const { count } = await tx.builderProfile.updateMany({
    where: { id: builderId },
    data: { ...changes, ...(tags ? { tags: tags.map((t) => t.toLowerCase()) } : {}) },
  });
  if (count !== 1) throw notFound("Builder profile");
  return tx.builderProfile.findUniqueOrThrow({ where: { id: builderId }, select: ownProfileSelect });
}
