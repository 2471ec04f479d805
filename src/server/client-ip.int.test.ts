import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestDb, type TestDb } from "@/testing/harness";
import { resetEnvForTests } from "@/server/env";
import { POST } from "@/app/api/trpc/[trpc]/route";

// The real /api/trpc route handler (context, client identity, rate limit), fed requests as
// Next hands them over: signed out, with whatever X-Forwarded-For the client chose.
const BUDGET = 3;

let t: TestDb;
beforeAll(async () => {
  process.env.RATE_LIMIT_PER_MINUTE = String(BUDGET);
  t = await startTestDb();
});
afterAll(async () => {
  delete process.env.TRUSTED_PROXY_HOPS;
  resetEnvForTests();
  await t.close();
});

/** A signed-out mutation with empty input: 400 while the budget lasts (the limit is spent before validation), then 429. */
async function mutate(xForwardedFor: string): Promise<number> {
  const res = await POST(
    new Request("http://localhost/api/trpc/booking.create", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": xForwardedFor },
      body: JSON.stringify({ json: {} }),
    }),
  );
  await res.text();
  return res.status;
}

function useHops(hops: number) {
  process.env.TRUSTED_PROXY_HOPS = String(hops);
  resetEnvForTests();
}

describe("signed-out rate limit identity over the tRPC route handler", () => {
  it("without a trusted proxy, requests with different spoofed X-Forwarded-For share one budget", async () => {
    useHops(0);
    const statuses = [];
    for (let i = 1; i <= BUDGET + 1; i++) statuses.push(await mutate(`198.51.100.${i}`));
    expect(statuses).toEqual([...Array<number>(BUDGET).fill(400), 429]);
  });

  it("behind one proxy, spoofed entries left of the proxy's own share the real client's budget; another client has its own", async () => {
    useHops(1);
    const statuses = [];
    for (let i = 1; i <= BUDGET + 1; i++) statuses.push(await mutate(`192.0.2.${i}, 203.0.113.7`));
    expect(statuses).toEqual([...Array<number>(BUDGET).fill(400), 429]);
    expect(await mutate("192.0.2.1, 203.0.113.8")).toBe(400);
  });
});
