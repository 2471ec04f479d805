import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { sessionTypeForm } from "@/core/validation/session-type";
import { startTestDb, type TestDb } from "@/testing/harness";
import { createBuilder } from "@/testing/factories";
import { createContextInner } from "./context";
import { appRouter } from "./router";

// The API and the dashboard form resolve the same shared schema: a refusal over HTTP must carry,
// per field, the very sentence the form shows beside that field, and nothing zod wrote itself.

let t: TestDb;
let userId: string;
beforeAll(async () => {
  t = await startTestDb();
  userId = (await createBuilder(t.db)).user.id;
});
afterAll(async () => t.close());

type Refusal = { message: string; data: { appCode: string; zodIssues: { path: string[]; message: string }[] } };

async function createSessionType(input: unknown): Promise<{ status: number; error: Refusal }> {
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request("http://localhost/api/trpc/sessionType.create", {
      method: "POST",
      body: JSON.stringify(superjson.serialize(input)),
      headers: { "content-type": "application/json" },
    }),
    router: appRouter,
    createContext: () => createContextInner({ db: t.db, userId }),
  });
  return { status: res.status, error: ((await res.json()) as { error: { json: Refusal } }).error.json };
}

const typed = { title: "Pairing", slug: "pairing", description: "", durationMinutes: 30, priceCents: "0", currency: "usd" };
const sent = { ...typed, priceCents: 0 };

/** What the form shows beside each field for the same values. */
function formMessages(values: typeof typed): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of sessionTypeForm.safeParse(values).error?.issues ?? []) out[issue.path.join(".")] ??= issue.message;
  return out;
}

describe("a refused input reads as the form reads it", () => {
  it("gives a too-short title the form's friendly sentence", async () => {
    const { status, error } = await createSessionType({ ...sent, title: "a" });
    expect(status).toBe(400);
    expect(error.data.appCode).toBe("VALIDATION");
    expect(error.data.zodIssues).toEqual([{ path: ["title"], message: "Title must be at least 2 characters" }]);
    expect(formMessages({ ...typed, title: "a" })).toEqual({ title: "Title must be at least 2 characters" });
    expect(error.message).toBe("Invalid input: title: Title must be at least 2 characters");
  });

  it("sends one message per field, the first the form shows too", async () => {
    // Too short and a control character: two broken rules, one field.
    const values = { title: "\u0000", slug: "Bad Slug", durationMinutes: 1 };
    const { error } = await createSessionType({ ...sent, ...values });
    const server = Object.fromEntries(error.data.zodIssues.map((i) => [i.path.join("."), i.message]));
    expect(error.data.zodIssues).toHaveLength(3);
    expect(server).toEqual(formMessages({ ...typed, ...values }));
    expect(server.title).toBe("Title must be at least 2 characters");
  });

  it("words a hand-made request's mistakes without zod's own text", async () => {
    const { status, error } = await createSessionType({ ...sent, durationMinutes: "30", extra: true });
    expect(status).toBe(400);
    expect(error.data.zodIssues).toEqual([
      { path: ["durationMinutes"], message: "Duration must be a number" },
      { path: [], message: "Unknown field: extra" },
    ]);
    expect(error.message).not.toMatch(/Too small|Too big|expected .+, received|Unrecognized key/);
  });
});
