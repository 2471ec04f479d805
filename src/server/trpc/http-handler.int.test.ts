import pg from "pg";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdmission, type Admission } from "@/server/admission";
import { startTestDb, type TestDb } from "@/testing/harness";
import { createBuilder, createSessionType, futureHour } from "@/testing/factories";
import { handleTrpcRequest, OVERLOADED_MESSAGE, RETRY_AFTER_SECONDS } from "./http-handler";

// Admission control on the real tRPC route handler and a real database: one request is held
// in flight by a table lock, and the next ones over the limit are answered at once.

const BASE = "http://localhost:3000/api/trpc";
const listInput = encodeURIComponent(JSON.stringify({ json: { limit: 12 } }));

let t: TestDb;
let sessionTypeId: string;

beforeAll(async () => {
  t = await startTestDb();
  const { profile } = await createBuilder(t.db);
  sessionTypeId = (await createSessionType(t.db, profile.id)).id;
});

afterAll(async () => {
  await t?.close();
});

type ErrorShape = { message: string; data: { code: string; httpStatus: number } };

/** Holds builder.list in flight until release() (it waits for the lock on its table). */
async function holdBuilderList(): Promise<{ release(): Promise<void> }> {
  const locker = new pg.Client({ connectionString: t.url });
  await locker.connect();
  await locker.query(`BEGIN; LOCK TABLE "BuilderProfile" IN ACCESS EXCLUSIVE MODE`);
  return {
    async release() {
      await locker.query("COMMIT");
      await locker.end();
    },
  };
}

/** A refusal must not wait for anything: fail fast instead of at the test timeout. */
function atOnce(answer: Promise<Response>): Promise<Response> {
  return Promise.race([answer, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("not answered within 2 s")), 2000))]);
}

async function waitForLockWait(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const [row] = await t.db.$queryRaw<[{ n: number }]>`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if (row.n > 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("builder.list never waited for the lock");
}

describe("API admission control", () => {
  it("past the in-flight limit answers 503 with Retry-After and a tRPC error per call, at once; admits again when there is room", async () => {
    const admission = createAdmission(1);
    const lock = await holdBuilderList();
    const held = handleTrpcRequest(new Request(`${BASE}/builder.list?input=${listInput}`), admission);
    try {
      await waitForLockWait();
      expect(admission.inFlight).toBe(1);
      await expectRefusals(admission);
    } finally {
      await lock.release();
    }
    const first = await held;
    expect(first.status).toBe(200);
    expect(admission.inFlight).toBe(0);
    const after = await handleTrpcRequest(new Request(`${BASE}/builder.list?input=${listInput}`), admission);
    expect(after.status).toBe(200);
    expect(admission.inFlight).toBe(0);
  });

  async function expectRefusals(admission: Admission): Promise<void> {
    // A batch of two queries, as the client's batch link sends it.
    const batch = await atOnce(
      handleTrpcRequest(
        new Request(
          `${BASE}/builder.list,builder.list?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { json: { limit: 12 } }, 1: { json: { limit: 1 } } }))}`,
        ),
        admission,
      ),
    );
    expect(batch.status).toBe(503);
    expect(batch.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    const errors = (await batch.json()) as { error: { json: ErrorShape } }[];
    expect(errors).toHaveLength(2);
    for (const { error } of errors) {
      expect(error.json.message).toBe(OVERLOADED_MESSAGE);
      expect(error.json.data).toMatchObject({ code: "SERVICE_UNAVAILABLE", httpStatus: 503 });
    }

    // A mutation is refused before it runs: no booking is written.
    const mutation = await atOnce(
      handleTrpcRequest(
        new Request(`${BASE}/booking.create`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(
            superjson.serialize({ sessionTypeId, startTime: futureHour(30), clientName: "A", clientEmail: "a@example.test" }),
          ),
        }),
        admission,
      ),
    );
    expect(mutation.status).toBe(503);
    expect(((await mutation.json()) as { error: { json: ErrorShape } }).error.json.message).toBe(OVERLOADED_MESSAGE);
    expect(await t.db.booking.count()).toBe(0);
  }

  it("a request that fails still leaves room behind it", async () => {
    const admission = createAdmission(1);
    const bad = await handleTrpcRequest(new Request(`${BASE}/no.such.procedure`), admission);
    expect(bad.status).toBe(404);
    expect(admission.inFlight).toBe(0);
    expect((await handleTrpcRequest(new Request(`${BASE}/builder.list?input=${listInput}`), admission)).status).toBe(200);
  });
});
