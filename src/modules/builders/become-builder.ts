import type { Tx } from "@/modules/shared/tx";
import { AppError } from "@/core/errors";
import { isUniqueViolation } from "@/modules/shared/db-errors";
import { ownProfileSelect } from "./builder-profile-select";

export type BecomeBuilderInput = {
  userId: string;
  slug: string;
  displayName: string;
  headline: string;
  bio: string;
  tags: string[];
  timeZone: string;
};

// Default weekly hours for a new builder: weekdays 09:00-17:00 in their own zone.
const defaultRules = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 17 * 60 }));

/** A client becomes a builder: one profile per user, promoted to BUILDER in the same transaction. */
export async function becomeBuilder(tx: Tx, input: BecomeBuilderInput) {
  const existing = await tx.builderProfile.findUnique({ where: { userId: input.userId }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", "You already have a builder profile");
  try {
    const profile = await tx.builderProfile.create({
      data: {
        userId: input.userId,
        slug: input.slug,
        displayName: input.displayName,
        headline: input.headline,
        bio: input.bio,
        tags: input.tags.map((t) => t.toLowerCase()),
        timeZone: input.timeZone,
        availabilityRules: { create: defaultRules },
      },
      select: ownProfileSelect,
    });
    // Admins keep their role; everyone else becomes a builder.
    await tx.user.updateMany({ where: { id: input.userId, role: "CLIENT" }, data: { role: "BUILDER" } });
    return profile;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `The profile address "${input.slug}" is taken`);
    throw error;
  }
}
