// viewer.setTimeZone remembers a signed-in viewer's zone on User.timeZone, and viewer.me
// returns it; junk is a 400 that writes nothing, a guest is a 401.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/testing/factories";
import { callerFor, startTestDb, type TestDb } from "@/testing/harness";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => t.close());

const storedZone = async (id: string) => (await t.db.user.findUniqueOrThrow({ where: { id }, select: { timeZone: true } })).timeZone;

describe("viewer.setTimeZone", () => {
  it("stores the zone and viewer.me reads it back", async () => {
    const user = await createUser(t.db);
    const viewer = callerFor(t.db, user.id).viewer;
    expect((await viewer.me())?.timeZone).toBeNull();
    await expect(viewer.setTimeZone({ timeZone: "Asia/Kolkata" })).resolves.toEqual({ timeZone: "Asia/Kolkata" });
    expect(await storedZone(user.id)).toBe("Asia/Kolkata");
    expect((await viewer.me())?.timeZone).toBe("Asia/Kolkata");
  });

  it("refuses junk with a 400 and keeps the stored zone", async () => {
    const user = await createUser(t.db);
    const viewer = callerFor(t.db, user.id).viewer;
    await viewer.setTimeZone({ timeZone: "Europe/Berlin" });
    for (const junk of ["Mars/Olympus_Mons", "", "x".repeat(500), "../../etc/passwd"]) {
      await expect(viewer.setTimeZone({ timeZone: junk })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(viewer.setTimeZone({ timeZone: 42 } as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(viewer.setTimeZone({ timeZone: "UTC", extra: 1 } as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await storedZone(user.id)).toBe("Europe/Berlin");
  });

  it("asks a guest to sign in", async () => {
    await expect(callerFor(t.db).viewer.setTimeZone({ timeZone: "UTC" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
