import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, startTestDb, type TestDb } from "@/testing/harness";
import { createBuilder, createSessionType } from "@/testing/factories";
import { builderListQuery } from "./list-builders";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
  const specs: [string, string[], number[]][] = [
    ["Alice Rust", ["rust", "backend"], [0, 5000]],
    ["Bob Types", ["typescript"], [12000]],
    ["Carol 100% Data", ["data", "postgres"], [3000, 9000]],
    ["Dan Rust", ["rust"], [20000]],
    ["Eve Nothing", ["misc"], []],
  ];
  for (const [displayName, tags, prices] of specs) {
    const { profile } = await createBuilder(t.db, { displayName, tags });
    for (const priceCents of prices) await createSessionType(t.db, profile.id, { priceCents });
  }
  const archivedOnly = await createBuilder(t.db, { displayName: "Fay Archived", tags: ["rust"] });
  const archived = await createSessionType(t.db, archivedOnly.profile.id, { priceCents: 100 });
  await t.db.sessionType.update({ where: { id: archived.id }, data: { active: false } });
  await createBuilder(t.db, { displayName: "Gus Hidden", tags: ["rust"], published: false });
});
afterAll(async () => t.close());

const names = (items: { displayName: string }[]) => items.map((i) => i.displayName);

describe("builder.list", () => {
  it("lists published builders with an active session type by name, with their active price range", async () => {
    const page = await callerFor(t.db).builder.list({ limit: 50 });
    expect(names(page.items)).toEqual(["Alice Rust", "Bob Types", "Carol 100% Data", "Dan Rust"]);
    expect(page.items[0]).toMatchObject({ minPriceCents: 0, maxPriceCents: 5000, currency: "usd", tags: ["rust", "backend"] });
    expect(page.items[2]).toMatchObject({ minPriceCents: 3000, maxPriceCents: 9000 });
    expect(page.nextCursor).toBeNull();
  });

  it("leaves out a published builder with no session type or only archived ones, though their profile stays reachable", async () => {
    const listed = names((await callerFor(t.db).builder.list({ limit: 50 })).items);
    expect(listed).not.toContain("Eve Nothing");
    expect(listed).not.toContain("Fay Archived");
    const fay = await t.db.builderProfile.findFirstOrThrow({ where: { displayName: "Fay Archived" } });
    expect(await callerFor(t.db).builder.bySlug({ slug: fay.slug })).toMatchObject({ displayName: "Fay Archived", sessionTypes: [] });
  });

  it("finds the listed builders through an EXISTS probe on a builderId index", async () => {
    const { text, values } = builderListQuery({ limit: 12 });
    expect(text).toMatch(/EXISTS \(SELECT 1 FROM "SessionType" a WHERE a."builderId" = b.id AND a.active\)/);
    // Tiny tables favour sequential scans; with those priced out the plan must still reach the index.
    const plan = await t.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${text}`, ...values);
    });
    // EXISTS plans as a semi join that stops at the first active type of each builder, probed by builderId.
    const shown = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(shown).toMatch(
      /Semi Join[\s\S]*Index (Only )?Scan using "SessionType_builderId_\w+" on "SessionType" a .*\n\s+Index Cond: \("builderId" = b\.id\)/,
    );
    expect(shown).not.toContain("Seq Scan");
  });

  it("pages with an opaque cursor, without gaps or repeats", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: { displayName: string }[]; nextCursor: string | null } = await callerFor(t.db).builder.list({
        limit: 2,
        cursor,
      });
      seen.push(...names(page.items));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen).toEqual(["Alice Rust", "Bob Types", "Carol 100% Data", "Dan Rust"]);
    await expect(callerFor(t.db).builder.list({ cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("searches name, headline, bio and tags case-insensitively, with LIKE wildcards taken literally", async () => {
    expect(names((await callerFor(t.db).builder.list({ q: "rust" })).items)).toEqual(["Alice Rust", "Dan Rust"]);
    expect(names((await callerFor(t.db).builder.list({ q: "100%" })).items)).toEqual(["Carol 100% Data"]);
    expect(names((await callerFor(t.db).builder.list({ q: "%" })).items)).toEqual(["Carol 100% Data"]);
    expect(names((await callerFor(t.db).builder.list({ q: "_" })).items)).toEqual([]);
  });

  it("filters by tag and by the price range of active session types", async () => {
    expect(names((await callerFor(t.db).builder.list({ tag: "RUST" })).items)).toEqual(["Alice Rust", "Dan Rust"]);
    expect(names((await callerFor(t.db).builder.list({ minPriceCents: 8000, maxPriceCents: 15000 })).items)).toEqual([
      "Bob Types",
      "Carol 100% Data",
    ]);
    expect(names((await callerFor(t.db).builder.list({ maxPriceCents: 0 })).items)).toEqual(["Alice Rust"]);
    expect(names((await callerFor(t.db).builder.list({ tag: "rust", minPriceCents: 10000 })).items)).toEqual(["Dan Rust"]);
    await expect(callerFor(t.db).builder.list({ minPriceCents: 10, maxPriceCents: 5 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
