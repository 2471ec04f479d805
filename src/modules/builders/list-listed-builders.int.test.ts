import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestDb, type TestDb } from "@/testing/harness";
import { createBuilder, createSessionType } from "@/testing/factories";
import { countListedBuilders, listListedBuilders } from "./list-listed-builders";

let t: TestDb;
const slugs: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestDb();
  const withType = await createBuilder(t.db, { displayName: "Listed" });
  await createSessionType(t.db, withType.profile.id);
  slugs.listed = withType.profile.slug;

  const unpublished = await createBuilder(t.db, { displayName: "Unpublished", published: false });
  await createSessionType(t.db, unpublished.profile.id);
  slugs.unpublished = unpublished.profile.slug;

  const noTypes = await createBuilder(t.db, { displayName: "Nothing to book" });
  slugs.noTypes = noTypes.profile.slug;

  const archivedOnly = await createBuilder(t.db, { displayName: "Archived only" });
  const archived = await createSessionType(t.db, archivedOnly.profile.id);
  await t.db.sessionType.update({ where: { id: archived.id }, data: { active: false } });
  slugs.archivedOnly = archivedOnly.profile.slug;
});
afterAll(async () => t.close());

describe("listed builders (the sitemap's profiles)", () => {
  it("holds only published builders with at least one active session type", async () => {
    expect(await countListedBuilders(t.db)).toBe(1);
    const listed = await listListedBuilders(t.db, { skip: 0, take: 10 });
    expect(listed.map((b) => b.slug)).toEqual([slugs.listed]);
  });

  it("dates a profile by its latest change, its own or an active session type's", async () => {
    const profile = await t.db.builderProfile.findUniqueOrThrow({ where: { slug: slugs.listed } });
    const later = new Date(profile.updatedAt.getTime() + 60_000);
    await t.db.sessionType.updateMany({ where: { builderId: profile.id }, data: { updatedAt: later } });
    const [entry] = await listListedBuilders(t.db, { skip: 0, take: 10 });
    expect(entry?.lastModified.toISOString()).toBe(later.toISOString());
  });

  it("pages without repeats and answers an empty page past the end", async () => {
    for (let i = 0; i < 3; i++) {
      const b = await createBuilder(t.db, { displayName: `Extra ${i}` });
      await createSessionType(t.db, b.profile.id);
    }
    const first = await listListedBuilders(t.db, { skip: 0, take: 2 });
    const second = await listListedBuilders(t.db, { skip: 2, take: 2 });
    expect(new Set([...first, ...second].map((b) => b.slug)).size).toBe(4);
    expect(await listListedBuilders(t.db, { skip: 4, take: 2 })).toEqual([]);
    expect(await listListedBuilders(t.db, { skip: 0, take: 0 })).toEqual([]);
  });
});
