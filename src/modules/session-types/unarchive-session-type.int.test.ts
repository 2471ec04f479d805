import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, startTestDb, type TestDb } from "@/testing/harness";
import { createBuilder, createSessionType, createUser } from "@/testing/factories";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => t.close());

const isListed = async (slug: string) => (await callerFor(t.db).builder.list({ limit: 50 })).items.some((card) => card.slug === slug);

describe("sessionType.unarchive", () => {
  it("lets the owner undo an archive: the type is bookable again and the builder listed again", async () => {
    const { user, profile } = await createBuilder(t.db);
    const type = await createSessionType(t.db, profile.id);
    const me = callerFor(t.db, user.id);

    expect((await me.sessionType.archive({ id: type.id })).active).toBe(false);
    expect(await callerFor(t.db).sessionType.listByBuilder({ builderId: profile.id })).toEqual([]);
    expect(await isListed(profile.slug)).toBe(false);

    const restored = await me.sessionType.unarchive({ id: type.id });
    expect(restored).toMatchObject({ id: type.id, slug: type.slug, priceCents: type.priceCents, active: true });
    expect((await callerFor(t.db).sessionType.listByBuilder({ builderId: profile.id })).map((s) => s.id)).toEqual([type.id]);
    expect(await isListed(profile.slug)).toBe(true);
  });

  it("keeps everyone else out: another builder gets NOT_FOUND, a client FORBIDDEN, a visitor UNAUTHORIZED", async () => {
    const owner = await createBuilder(t.db);
    const other = await createBuilder(t.db);
    const type = await createSessionType(t.db, owner.profile.id);
    await callerFor(t.db, owner.user.id).sessionType.archive({ id: type.id });

    await expect(callerFor(t.db, other.user.id).sessionType.unarchive({ id: type.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const client = await createUser(t.db);
    await expect(callerFor(t.db, client.id).sessionType.unarchive({ id: type.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(t.db).sessionType.unarchive({ id: type.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect((await t.db.sessionType.findUniqueOrThrow({ where: { id: type.id } })).active).toBe(false);
  });
});
