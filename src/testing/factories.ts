import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";

// Unique data per call, so test files and cases never collide in a shared database.

export async function createUser(db: PrismaClient, role: Role = "CLIENT", name = "Test User") {
  const id = randomUUID();
  return db.user.create({ data: { id, name, email: `${role.toLowerCase()}-${id}@example.test`, role } });
}

export type BuilderOptions = {
  timeZone?: string;
  /** Weekly hours applied to all seven days, minutes since local midnight. */
  hours?: [number, number];
  minimumNoticeMinutes?: number;
  published?: boolean;
  displayName?: string;
  tags?: string[];
};

export async function createBuilder(db: PrismaClient, options: BuilderOptions = {}) {
  const user = await createUser(db, "BUILDER", options.displayName ?? "Builder");
  const [startMinute, endMinute] = options.hours ?? [0, 1440];
  const profile = await db.builderProfile.create({
    data: {
      userId: user.id,
      slug: `builder-${user.id.slice(0, 8)}`,
      displayName: options.displayName ?? `Builder ${user.id.slice(0, 6)}`,
      headline: "Ships things",
      bio: "Test builder",
      tags: options.tags ?? ["testing"],
      timeZone: options.timeZone ?? "UTC",
      published: options.published ?? true,
      minimumNoticeMinutes: options.minimumNoticeMinutes ?? 0,
      bookingWindowDays: 90,
      availabilityRules: { create: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute, endMinute })) },
    },
  });
  return { user, profile };
}

export async function createSessionType(
  db: PrismaClient,
  builderId: string,
  options: {
    priceCents?: number;
    durationMinutes?: number;
    currency?: string;
    calendlyEventTypeUri?: string;
    calendlySchedulingUrl?: string;
  } = {},
) {
  return db.sessionType.create({
    data: {
      builderId,
      title: options.priceCents ? "Paid review" : "Intro call",
      slug: `type-${randomUUID().slice(0, 8)}`,
      description: "A session",
      durationMinutes: options.durationMinutes ?? 60,
      priceCents: options.priceCents ?? 0,
      currency: options.currency ?? "usd",
      calendlyEventTypeUri: options.calendlyEventTypeUri ?? null,
      calendlySchedulingUrl: options.calendlySchedulingUrl ?? null,
    },
  });
}

/** A whole hour at least `daysAhead` days from now, in UTC: always a slot for an all-day builder. */
export function futureHour(daysAhead = 2, hourUtc = 10): Date {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + daysAhead);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d;
}
