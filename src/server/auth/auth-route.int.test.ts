import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/auth/[...all]/route";
import { resetEnvForTests } from "@/server/env";
import { startTestDb, type TestDb } from "@/testing/harness";
import { TRUSTED_CLIENT_IP_HEADER } from "./auth";

// The real /api/auth route handler: what better-auth is told about the client, and what
// sign-up accepts as a name.
const BASE = "http://localhost:3000";

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => {
  delete process.env.TRUSTED_PROXY_HOPS;
  resetEnvForTests();
  await t.close();
});

async function signUp(name: string, headers: Record<string, string> = {}) {
  const email = `auth-${crypto.randomUUID()}@example.test`;
  const res = await POST(
    new Request(`${BASE}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: BASE, ...headers },
      body: JSON.stringify({ name, email, password: "test-password-1" }),
    }),
  );
  return { status: res.status, body: await res.text(), email };
}

/** Sign-up does not sign in (docs/decisions/0024-account-enumeration.md): the session comes from signing in. */
async function signUpAndIn(name: string, headers: Record<string, string>) {
  const signedUp = await signUp(name, headers);
  const res = await POST(
    new Request(`${BASE}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: BASE, ...headers },
      body: JSON.stringify({ email: signedUp.email, password: "test-password-1" }),
    }),
  );
  return { status: res.status, email: signedUp.email };
}

function useHops(hops: number) {
  process.env.TRUSTED_PROXY_HOPS = String(hops);
  resetEnvForTests();
}

describe("better-auth's view of the client address", () => {
  it("behind one trusted proxy, is the address that proxy appended, not the client's own claims", async () => {
    useHops(1);
    const { status, email } = await signUpAndIn("Proxied Client", {
      "x-forwarded-for": "198.51.100.9, 203.0.113.7",
      [TRUSTED_CLIENT_IP_HEADER]: "6.6.6.6",
    });
    expect(status).toBe(200);
    const session = await t.db.session.findFirstOrThrow({ where: { user: { email } } });
    expect(session.ipAddress).toBe("203.0.113.7");
  });

  it("without a trusted proxy, is never a header the client sent", async () => {
    useHops(0);
    const { status, email } = await signUpAndIn("Direct Client", {
      "x-forwarded-for": "198.51.100.9",
      [TRUSTED_CLIENT_IP_HEADER]: "6.6.6.6",
    });
    expect(status).toBe(200);
    const session = await t.db.session.findFirstOrThrow({ where: { user: { email } } });
    expect(session.ipAddress).not.toBe("198.51.100.9");
    expect(session.ipAddress).not.toBe("6.6.6.6");
  });
});

describe("sign-up names", () => {
  it.each([
    ["a NUL byte", "Eve\u0000Null"],
    ["a line break", "Eve\nBreak"],
    ["a lone surrogate", "Eve\uD800"],
    ["a megabyte", "x".repeat(1024 * 1024)],
    ["only spaces", "   "],
  ])("refuses %s with a 400 and a message, creating no user", async (_what, name) => {
    const before = await t.db.user.count();
    const { status, body, email } = await signUp(name);
    expect(status).toBe(400);
    expect(body).toMatch(/Name: /);
    expect(await t.db.user.count()).toBe(before);
    expect(await t.db.user.findUnique({ where: { email } })).toBeNull();
  });

  it("stores an ordinary name trimmed", async () => {
    const { status, email } = await signUp("  Grace Client  ");
    expect(status).toBe(200);
    expect((await t.db.user.findUniqueOrThrow({ where: { email } })).name).toBe("Grace Client");
  });
});
