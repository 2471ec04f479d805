// The local stack on a database of its own and sandboxes on free ports, with a stand-in seed.
import net from "node:net";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startLocalStack } from "./local-stack";
import { throwawayName, withDatabase } from "./migrations/pg-admin";

const databases: string[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  for (const name of databases.splice(0)) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

/** A database not created yet: the stack's migration step creates it. */
function newDatabaseUrl(): string {
  const name = throwawayName("booking_test_");
  databases.push(name);
  return withDatabase(process.env.TEST_DATABASE_URL!, name);
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = net.createServer().on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });

/** Whether something accepts connections on the port. */
const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.on("connect", () => resolve(socket.end() && true)).on("error", () => resolve(false));
  });

// The shell's values win over the stack's defaults (the root suite's test-env sets some), and
// real provider keys would make it skip the sandboxes.
function cleanShell(): void {
  vi.stubEnv("STRIPE_SECRET_KEY", undefined);
  vi.stubEnv("NEXT_PUBLIC_BASE_URL", undefined);
}

describe("startLocalStack", () => {
  it("migrates the database, starts the sandboxes, seeds with their Calendly event types, and closes them", async () => {
    cleanShell();
    const url = newDatabaseUrl();
    const ports = { stripe: await freePort(), sendgrid: await freePort(), calendly: await freePort() };
    const lines: string[] = [];
    const seed = vi.fn(() => {
      expect(process.env.DATABASE_URL).toBe(url); // the app's modules connect through process.env
      return Promise.resolve();
    });
    const stack = await startLocalStack({
      appPort: 4999,
      databaseUrl: url,
      sandboxPorts: ports,
      calendlyEventTypes: [{ name: "Office hours", slug: "office-hours", durationMinutes: 30 }],
      seed,
      log: (line) => lines.push(line),
    });
    try {
      expect(lines.find((l) => l.startsWith("migrations applied:"))).toMatch(/\d{14}_init/);
      expect(stack.env).toMatchObject({
        DATABASE_URL: url,
        NEXT_PUBLIC_BASE_URL: "http://localhost:4999",
        ALLOW_LOCAL_DEFAULTS: "true",
        STRIPE_SECRET_KEY: "sk_test_sandbox",
        STRIPE_API_BASE: `http://127.0.0.1:${ports.stripe}`,
      });
      expect(seed).toHaveBeenCalledTimes(1);
      const [{ calendlyEventTypes }] = seed.mock.calls[0] as unknown as [{ calendlyEventTypes: unknown[] }];
      expect(calendlyEventTypes).toEqual([
        {
          uri: expect.stringMatching(/\/event_types\//) as string,
          name: "Office hours",
          slug: "office-hours",
          durationMinutes: 30,
          schedulingUrl: expect.stringMatching(/\/office-hours$/) as string,
          active: true,
        },
      ]);
      expect(await listening(ports.stripe)).toBe(true);
    } finally {
      await stack.close();
    }
    expect(await listening(ports.stripe)).toBe(false);
  });

  it("closes what it started when a step fails", async () => {
    cleanShell();
    const port = await freePort();
    const started = startLocalStack({
      appPort: 4999,
      databaseUrl: newDatabaseUrl(),
      sandboxPorts: { stripe: port, sendgrid: 0, calendly: 0 },
      seed: () => Promise.reject(new Error("seed failed")),
      log: () => {},
    });
    await expect(started).rejects.toThrow("seed failed");
    expect(await listening(port)).toBe(false);
  });

  it("refuses NODE_ENV=production before starting anything", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const seed = vi.fn(() => Promise.resolve());
    await expect(startLocalStack({ appPort: 4999, databaseUrl: "postgresql://unset.invalid/none", seed })).rejects.toThrow(
      /refuses NODE_ENV=production/,
    );
    expect(seed).not.toHaveBeenCalled();
  });
});
