// Writes the demo data (demo-data.ts) into an empty database the way the app would: sign-up
// through the app's auth, then the builder use-cases (become a builder, set hours, add session
// types, publish). Only seeds an empty database (no users), so it never touches real data, and
// never under NODE_ENV=production.
import type { PrismaClient } from "../../src/generated/prisma/client";
import { updateAvailability } from "../../src/modules/availability/update-availability";
import { becomeBuilder } from "../../src/modules/builders/become-builder";
import { updateBuilderProfile } from "../../src/modules/builders/update-builder-profile";
import { createSessionType } from "../../src/modules/session-types/create-session-type";
import { getAuth } from "../../src/server/auth/auth";
import type { Tx } from "../../src/server/db/client";
import { DEMO_PASSWORD, demoAccounts, demoBuilders, demoWeeklyRules } from "./demo-data";

/** Demo accounts share a published password: a production process must never create them. */
export function assertDemoSeedingAllowed(nodeEnv = process.env.NODE_ENV): void {
  if (nodeEnv === "production") {
    throw new Error(
      "Refusing to seed demo data with NODE_ENV=production: the demo accounts (admin@demo.test...) share a published password. " +
        "Demo data is for local databases (npm run dev, npm run db:seed without NODE_ENV=production).",
    );
  }
}

export async function seedDemoData(db: PrismaClient): Promise<{ seeded: boolean }> {
  assertDemoSeedingAllowed();
  if ((await db.user.count()) > 0) return { seeded: false };
  const accountIds = new Map<string, string>();
  for (const account of demoAccounts) {
    const { user } = await getAuth().api.signUpEmail({ body: { email: account.email, password: DEMO_PASSWORD, name: account.name } });
    // No use-case verifies an email or makes an admin: those are operator actions.
    await db.user.update({ where: { id: user.id }, data: { emailVerified: true, ...(account.admin ? { role: "ADMIN" as const } : {}) } });
    accountIds.set(account.email, user.id);
  }
  for (const builder of demoBuilders) {
    // Builders without a demo login are users without a password (no sign-up to go through).
    const userId =
      (builder.loginEmail && accountIds.get(builder.loginEmail)) ||
      (await db.user.create({ data: { id: `demo-${builder.slug}`, name: builder.displayName, email: `${builder.slug}@demo.test` } })).id;
    await db.$transaction((tx) => seedBuilder(tx, userId, builder));
  }
  return { seeded: true };
}

async function seedBuilder(tx: Tx, userId: string, builder: (typeof demoBuilders)[number]): Promise<void> {
  const profile = await becomeBuilder(tx, {
    userId,
    slug: builder.slug,
    displayName: builder.displayName,
    headline: builder.headline,
    bio: `${builder.displayName} helps teams with ${builder.tags.join(" and ")}. Sessions are practical: bring your code or your question.`,
    tags: builder.tags,
    timeZone: builder.timeZone,
  });
  await updateAvailability(tx, profile.id, {
    timeZone: builder.timeZone,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 60,
    bookingWindowDays: 60,
    rules: builder.weeklyRules ?? demoWeeklyRules,
    overrides: [],
  });
  for (const [title, durationMinutes, priceCents] of builder.types) {
    await createSessionType(tx, {
      builderId: profile.id,
      title,
      slug: title.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
      description: `${durationMinutes} minutes with ${builder.displayName}.`,
      durationMinutes,
      priceCents,
      currency: "usd",
    });
  }
  await updateBuilderProfile(tx, { builderId: profile.id, published: true });
}
