// The demo seed, written through the app's use-cases into a migrated, empty database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestDb, type TestDb } from "../../src/testing/harness";
import { demoBuilders } from "./demo-data";
import { seedDemoData } from "./seed-demo-data";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => t?.close());

describe("seedDemoData", () => {
  it("creates the demo accounts and published builders, once", async () => {
    expect(await seedDemoData(t.db)).toEqual({ seeded: true });

    const accounts = await t.db.user.findMany({
      where: { email: { in: ["client@demo.test", "ada@demo.test", "grace@demo.test", "admin@demo.test"] } },
      select: { email: true, role: true, emailVerified: true },
      orderBy: { email: "asc" },
    });
    expect(accounts).toEqual([
      { email: "ada@demo.test", role: "BUILDER", emailVerified: true },
      { email: "admin@demo.test", role: "ADMIN", emailVerified: true },
      { email: "client@demo.test", role: "CLIENT", emailVerified: true },
      { email: "grace@demo.test", role: "BUILDER", emailVerified: true },
    ]);
    expect(await t.db.account.count({ where: { providerId: "credential" } })).toBe(4); // a password each

    const profiles = await t.db.builderProfile.findMany({
      select: {
        slug: true,
        published: true,
        minimumNoticeMinutes: true,
        user: { select: { role: true } },
        _count: { select: { availabilityRules: true } },
      },
    });
    expect(profiles).toHaveLength(demoBuilders.length);
    for (const p of profiles) {
      // Weekdays 09:00-17:00, except builders with hours of their own (Sophie Wilson: every day).
      const rules = demoBuilders.find((b) => b.slug === p.slug)?.weeklyRules?.length ?? 5;
      expect(p, p.slug).toMatchObject({
        published: true,
        minimumNoticeMinutes: 60,
        user: { role: "BUILDER" },
        _count: { availabilityRules: rules },
      });
    }
    expect(profiles.find((p) => p.slug === "sophie-w")?._count.availabilityRules).toBe(7);
    const ada = await t.db.sessionType.findMany({
      where: { builder: { slug: "ada-lovelace" } },
      select: { slug: true, durationMinutes: true, priceCents: true, currency: true },
      orderBy: { durationMinutes: "asc" },
    });
    expect(ada).toEqual([
      { slug: "intro-call", durationMinutes: 30, priceCents: 0, currency: "usd" },
      { slug: "architecture-review", durationMinutes: 60, priceCents: 15000, currency: "usd" },
    ]);

    const users = await t.db.user.count();
    expect(await seedDemoData(t.db)).toEqual({ seeded: false });
    expect(await t.db.user.count()).toBe(users);
  });
});
