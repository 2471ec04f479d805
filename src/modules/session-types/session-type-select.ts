import type { Prisma } from "@/generated/prisma/client";

export const ownSessionTypeSelect = {
  id: true,
  title: true,
  slug: true,
  description: true,
  durationMinutes: true,
  priceCents: true,
  currency: true,
  active: true,
  calendlyEventTypeUri: true,
} satisfies Prisma.SessionTypeSelect;
