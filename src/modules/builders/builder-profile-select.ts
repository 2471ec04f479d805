import type { Prisma } from "@/generated/prisma/client";

// The builder's own view of their profile.
export const ownProfileSelect = {
  id: true,
  slug: true,
  displayName: true,
  headline: true,
  bio: true,
  tags: true,
  timeZone: true,
  published: true,
} satisfies Prisma.BuilderProfileSelect;
