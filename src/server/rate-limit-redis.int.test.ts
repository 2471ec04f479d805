import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as healthGet } from "@/app/api/health/route";
import { parseServerEnv, resetEnvForTests } from "@/server/env";
import {
  createMemoryRateLimiter,
  createRedisRateLimiter,
  getRateLimiter,
  RATE_LIMIT_UNAVAILABLE_MESSAGE,
  setRateLimiterForTests,
  type RateLimiter,
} from "@/server/rate-limit";
import { createSharedRedis, getSharedRedis, resetSharedRedisForTests, type SharedRedis } from "@/server/redis";
import { startTestDb, type TestDb } from "@/testing/harness";
import {
  freePort,
  hasRedisServerBinary,
  pingRedis,
  startThrowawayRedis,
  testRedisUrl,
  waitFor,
  type ThrowawayRedis,
} from "@/testing/redis-server";
import { callHttp } from "@/testing/trpc-http";

// Shared rate limits through the real /api/trpc and /api/health route handlers, on real Redis:
// the machine's server (TEST_REDIS_URL) for the shared budget, a throwaway redis-server this
// file starts and kills for the outage. Where neither exists those tests are skipped, loudly.

const sharedRedisUp = await pingRedis(testRedisUrl);
const redisServerBinary = hasRedisServerBinary();
if (!sharedRedisUp) {
  console.warn(
    `\n*** SKIPPED: shared-budget Redis tests: no Redis answers PING at ${testRedisUrl} (start redis-server or set TEST_REDIS_URL) ***\n`,
  );
}
if (!redisServerBinary) {
  console.warn("\n*** SKIPPED: Redis outage tests: no `redis-server` binary on PATH (apt-get install redis-server) ***\n");
}
// .ci/run provides both; there a missing one is a broken CI machine, not a reason to skip.
if (process.env.CI && !(sharedRedisUp && redisServerBinary)) {
  throw new Error(`CI must provide Redis: a server at ${testRedisUrl} and the redis-server binary (.ci/run installs and starts them)`);
}

/** A signed-out booking.create with empty input: 400 while the budget lasts (the limit is spent before validation). */
const mutate = () => callHttp("booking.create", "mutation", {});
const read = () => callHttp("builder.list", "query", {});

async function health(): Promise<{ status: number; body: { ok: boolean; database: string; redis: string } }> {
  const res = await healthGet();
  return { status: res.status, body: (await res.json()) as { ok: boolean; database: string; redis: string } };
}

/** Points this process at `url` (or none) the way production configures it: REDIS_URL. */
function useRedisUrl(url: string | undefined): void {
  if (url === undefined) delete process.env.REDIS_URL;
  else process.env.REDIS_URL = url;
  resetEnvForTests();
  resetSharedRedisForTests();
  setRateLimiterForTests(undefined);
}

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterEach(() => useRedisUrl(undefined));
afterAll(async () => {
  await t.close();
});

describe("configuration", () => {
  it("REDIS_URL is optional and must be a redis:// or rediss:// URL", () => {
    const base = { ...process.env, REDIS_URL: undefined };
    expect(parseServerEnv(base).REDIS_URL).toBeUndefined();
    expect(parseServerEnv({ ...base, REDIS_URL: "" }).REDIS_URL).toBeUndefined();
    expect(parseServerEnv({ ...base, REDIS_URL: "rediss://:pw@cache.example.com:6380/2" }).REDIS_URL).toBe(
      "rediss://:pw@cache.example.com:6380/2",
    );
    expect(() => parseServerEnv({ ...base, REDIS_URL: "http://cache.example.com" })).toThrow(/REDIS_URL must be a redis/);
  });

  it("without REDIS_URL the limiter is in this process's memory and health says Redis is not configured", async () => {
    useRedisUrl(undefined);
    expect(getRateLimiter().shared).toBe(false);
    expect(await health()).toMatchObject({ status: 200, body: { ok: true, database: "up", redis: "not configured" } });
  });
});

describe("REDIS_URL pointing at a port where nothing listens", () => {
  it("refuses mutations at once with a 503 and a plain message; reads and health go on", async () => {
    useRedisUrl(`redis://127.0.0.1:${await freePort()}`);
    expect(getRateLimiter().shared).toBe(true);
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const res = await mutate();
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(res.status).toBe(503);
      expect(res.error?.message).toBe(RATE_LIMIT_UNAVAILABLE_MESSAGE);
      expect(res.error?.data.appCode).toBe("RATE_LIMIT_UNAVAILABLE");
    }
    expect((await read()).status).toBe(200);
    expect(await health()).toMatchObject({ status: 200, body: { ok: true, database: "up", redis: "down" } });
  });
});

describe.skipIf(!sharedRedisUp)(`two instances on one Redis (${testRedisUrl})`, () => {
  const BUDGET = 4;
  const connections: SharedRedis[] = [];
  // Unique per run: parallel runs (and earlier runs within the window) never share a key.
  const keyPrefix = `booking-test:${randomUUID()}:rl`;

  /** Another server instance: its own Redis connection and limiter, like a second process. */
  function instance(name: string, prefix = keyPrefix): RateLimiter {
    const redis = createSharedRedis(testRedisUrl, `booking-test-${name}`);
    connections.push(redis);
    return createRedisRateLimiter({ redis, points: BUDGET, keyPrefix: prefix });
  }

  /** Sends one mutation through the real handler as served by `limiter`'s instance. */
  async function mutateOn(limiter: RateLimiter) {
    setRateLimiterForTests(limiter);
    return mutate();
  }

  afterAll(() => {
    for (const c of connections) c.client.disconnect();
  });

  it("share one budget: N mutations in total pass, the next is 429 on either instance; reads go on", async () => {
    const a = instance("a");
    const b = instance("b");
    const statuses: number[] = [];
    for (let i = 0; i < BUDGET; i++) statuses.push((await mutateOn(i % 2 === 0 ? a : b)).status);
    expect(statuses).toEqual(Array<number>(BUDGET).fill(400));

    const onA = await mutateOn(a);
    const onB = await mutateOn(b);
    expect([onA.status, onB.status]).toEqual([429, 429]);
    expect(onA.error?.data.appCode).toBe("RATE_LIMITED");
    expect(onB.error?.message).toMatch(/^Too many requests; try again in \d+ s$/);
    expect((await read()).status).toBe(200);
  });

  it("(control) two in-memory instances give twice the budget, which is what Redis prevents", async () => {
    const a = createMemoryRateLimiter(BUDGET);
    const b = createMemoryRateLimiter(BUDGET);
    const statuses: number[] = [];
    for (let i = 0; i < BUDGET + 2; i++) statuses.push((await mutateOn(i % 2 === 0 ? a : b)).status);
    expect(statuses).toEqual(Array<number>(BUDGET + 2).fill(400));
  });

  it("hold the total under concurrent requests split across both connections", async () => {
    const prefix = `${keyPrefix}:burst`;
    const a = instance("burst-a", prefix);
    const b = instance("burst-b", prefix);
    const results = await Promise.allSettled(Array.from({ length: BUDGET * 5 }, (_, i) => (i % 2 === 0 ? a : b).consume("one-client")));
    const refused = results.flatMap((r) => (r.status === "rejected" ? [(r.reason as { code?: string }).code] : []));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(BUDGET);
    expect(refused).toEqual(Array<string>(BUDGET * 4).fill("RATE_LIMITED"));
  });
});

describe.skipIf(!redisServerBinary)("Redis stopped while the server runs (a throwaway redis-server)", () => {
  let redis: ThrowawayRedis | undefined;
  afterAll(async () => {
    await redis?.kill();
  });

  it("mutations get 503 with a message, reads and health answer 200; mutations resume when Redis is back", async () => {
    redis = await startThrowawayRedis();
    useRedisUrl(redis.url);

    // The first mutation of the process waits for the connection that it starts.
    expect((await mutate()).status).toBe(400);
    expect(await health()).toMatchObject({ status: 200, body: { ok: true, redis: "up" } });

    await redis.kill();
    const client = getSharedRedis()!.client;
    await waitFor(() => client.status !== "ready", "the client to notice that Redis is gone");

    const started = performance.now();
    const refused = await mutate();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(refused.status).toBe(503);
    expect(refused.error?.message).toBe(RATE_LIMIT_UNAVAILABLE_MESSAGE);
    expect(refused.error?.data.appCode).toBe("RATE_LIMIT_UNAVAILABLE");
    expect((await read()).status).toBe(200);
    expect(await health()).toMatchObject({ status: 200, body: { ok: true, database: "up", redis: "down" } });

    await redis.restart();
    await waitFor(() => client.status === "ready", "the client to reconnect", 15_000);
    expect((await mutate()).status).toBe(400);
    expect((await health()).body.redis).toBe("up");
  });
});
