import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/trpc/[trpc]/route";
import { startTestDb, type TestDb } from "@/testing/harness";
import { signUp, trpcRequest } from "@/testing/trpc-http";

// The session cookie cache (SESSION_COOKIE_CACHE_SECONDS, default 300 s) through the real
// tRPC route: a signed-in request within the cache's lifetime needs no session row, and a
// request without the cache cookie gets it back on the API answer, not only at sign-in.

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  await t.close();
});

const cookies = (cookie: string) => cookie.split("; ");
const withoutCache = (cookie: string) =>
  cookies(cookie)
    .filter((c) => !c.startsWith("better-auth.session_data="))
    .join("; ");

async function me(cookie: string): Promise<{ id: string } | null> {
  const res = await GET(trpcRequest("viewer.me", "query", null, cookie));
  expect(res.status).toBe(200);
  return ((await res.json()) as { result: { data: { json: { id: string } | null } } }).result.data.json;
}

describe("session cookie cache", () => {
  it("sign-up hands out the cache cookie, and a request that lacks it gets it on the tRPC answer", async () => {
    const { cookie, userId } = await signUp();
    expect(cookies(cookie).some((c) => c.startsWith("better-auth.session_data="))).toBe(true);

    const res = await GET(trpcRequest("viewer.me", "query", null, withoutCache(cookie)));
    expect(res.status).toBe(200);
    const set = res.headers.getSetCookie();
    expect(set.some((c) => c.startsWith("better-auth.session_data="))).toBe(true);
    const refreshed = [withoutCache(cookie), ...set.map((c) => c.split(";")[0]!)].join("; ");
    expect(await me(refreshed)).toMatchObject({ id: userId });
  });

  it("within its lifetime the cached session is used without reading the session row", async () => {
    const { cookie, userId } = await signUp();
    await t.db.session.deleteMany({ where: { userId } });
    // The row is gone: only the signed cache cookie can still say who this is.
    expect(await me(cookie)).toMatchObject({ id: userId });
    expect(await me(withoutCache(cookie))).toBeNull();
  });

  it("a request with no session cookie is signed out", async () => {
    expect(await me("")).toBeNull();
    expect(await me("unrelated=1")).toBeNull();
  });
});
