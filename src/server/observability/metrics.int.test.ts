import { execFile } from "node:child_process";
import { createSocket } from "node:dgram";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// A UDP socket stands in for the Datadog agent's DogStatsD port; the metrics are emitted by
// a plain Node process running our tracing setup (see emit-metrics.fixture.ts).
const socket = createSocket("udp4");
const received: string[] = [];

beforeAll(async () => {
  await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
  socket.on("message", (msg) => received.push(...msg.toString().split("\n").filter(Boolean)));
});
afterAll(() => socket.close());

describe("Datadog metrics through dd-trace's DogStatsD client", () => {
  it("sends the webhook and outbox metrics with their tags when DD_TRACE_ENABLED is on", async () => {
    const fixture = path.join(import.meta.dirname, "emit-metrics.fixture.ts");
    await promisify(execFile)(process.execPath, ["--import", "tsx", fixture], {
      env: {
        ...process.env,
        DATABASE_URL: "postgresql://unused.invalid/x",
        DD_TRACE_ENABLED: "true",
        DD_ENV: "test",
        DD_VERSION: "1.2.3",
        DD_DOGSTATSD_HOST: "127.0.0.1",
        DD_DOGSTATSD_PORT: String(socket.address().port),
        DD_TRACE_AGENT_PORT: "9", // no agent: traces are dropped, metrics still go out
        DD_TRACE_STARTUP_LOGS: "false",
      },
      // Generous: tsx compiles dd-trace's setup on a cold start, slow on a busy CI machine.
      timeout: 80_000,
    });
    await expect.poll(() => received.join("\n"), { timeout: 5000 }).toContain("booking.webhook.received:2|c");
    const all = received.join("\n");
    expect(all).toMatch(/booking\.webhook\.received:2\|c\|#[^\n]*provider:stripe/);
    expect(all).toMatch(/booking\.outbox\.delivery:1\|c\|#[^\n]*outcome:sent/);
    expect(all).toMatch(/booking\.webhook\.processing_ms:42\|d/);
    expect(all).toContain("service:booking-marketplace");
    expect(all).toContain("version:1.2.3");
  }, 90_000);
});
