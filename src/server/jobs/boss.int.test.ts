import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestDb, type TestDb } from "@/testing/harness";
import { getBoss, liveJobKeys, QUEUES, sendUnlessLive } from "./boss";

// No workers here: the test fetches, fails and completes jobs itself.
let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
});
afterAll(async () => t.close());

const queue = QUEUES.outboxMessage;
const job = (key: string) => ({ key, data: { outboxId: key } });

describe("one live job per row (pg-boss 12's exclusive policy, rebuilt on pg-boss 10)", () => {
  it("does not enqueue a row again while its job is queued, running or waiting out a retry", async () => {
    const boss = await getBoss();
    expect(await sendUnlessLive(queue, [job("row-a")])).toBe(1);
    expect(await sendUnlessLive(queue, [job("row-a")])).toBe(0);

    const [running] = await boss.fetch<{ outboxId: string }>(queue);
    expect(running?.data.outboxId).toBe("row-a");
    expect(await sendUnlessLive(queue, [job("row-a")])).toBe(0);

    await boss.fail(queue, running!.id); // now "retry", with a backoff of seconds
    expect((await boss.getJobById(queue, running!.id))?.state).toBe("retry");
    expect(await sendUnlessLive(queue, [job("row-a")])).toBe(0);
    expect([...(await liveJobKeys(boss, queue, ["row-a", "row-b"]))]).toEqual(["row-a"]);

    const [retried] = await boss.fetch<{ outboxId: string }>(queue, { ignoreStartAfter: true });
    expect(retried?.id).toBe(running!.id);
    await boss.complete(queue, retried!.id);
    expect(await liveJobKeys(boss, queue, ["row-a"])).toEqual(new Set());
    expect(await sendUnlessLive(queue, [job("row-a"), job("row-b")])).toBe(2);
  });

  it("a running job does not hold up other rows (no duplicate left at the head of the queue)", async () => {
    const boss = await getBoss();
    await boss.purgeQueue(queue);
    await sendUnlessLive(queue, [job("row-c")]);
    const [running] = await boss.fetch<{ outboxId: string }>(queue);
    expect(running?.data.outboxId).toBe("row-c");
    // Without the live-job check this duplicate would be queued first, and stately could
    // never start it beside the running one: every fetch would come back empty.
    await sendUnlessLive(queue, [job("row-c")]);
    await sendUnlessLive(queue, [job("row-d")]);
    const [next] = await boss.fetch<{ outboxId: string }>(queue);
    expect(next?.data.outboxId).toBe("row-d");
  });
});
