// The layer and single-writer rules fail on a wrong-way import or a stray status write.
// Lints small probe sources as if they sat at the given paths (the files need not exist:
// imports are resolved from the path), with the repository's own rule objects.
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import { layerRules, singleWriterRules } from "./layers.js";

const eslint = new ESLint({
  cwd: new URL("..", import.meta.url).pathname,
  overrideConfigFile: true,
  overrideConfig: [{ languageOptions: { parser: tseslint.parser } }, layerRules, singleWriterRules],
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId ?? "parse"}: ${m.message}`);
}

describe("layer rules", () => {
  it.each([
    ["src/core/booking/probe.ts", `import { getDb } from "@/server/db/client";`, /"core" to elements of type "server"/],
    ["src/core/booking/probe.ts", `import { bookSession } from "@/modules/bookings/book-session";`, /"core" to elements of type "modules"/],
    ["src/modules/bookings/probe.ts", `import { getEnv } from "@/server/env";`, /"modules" to elements of type "server"/],
    ["src/server/probe.ts", `import { layout } from "@/app/layout";`, /"server" to elements of type "app"/],
    ["src/features/booking/probe.tsx", `import { getEnv } from "@/server/env";`, /"features" to elements of type "server"/],
    ["src/components/probe.tsx", `import { getDb } from "@/server/db/client";`, /"components" to elements of type "server"/],
    ["src/trpc/probe.ts", `import { appRouter } from "@/server/trpc/router";`, /"trpc-client" to elements of type "server"/],
    ["src/modules/probe.ts", `import { run } from "../../scripts/lib/run-next";`, /"modules" to elements of type "scripts"/],
    ["src/testing/probe.ts", `import { x } from "../../packages/devstack/src/test-database";`, /"testing" to elements of type "package"/],
  ])("%s: %s is refused", async (path, code, expected) => {
    expect(await problems(path, code)).toEqual([expect.stringMatching(expected)]);
  });

  it.each([
    ["src/server/probe.ts", `import { bookSession } from "@/modules/bookings/book-session";`],
    ["src/modules/bookings/probe.ts", `import { TRANSITIONS } from "@/core/booking/booking-lifecycle";`],
    ["src/trpc/probe.ts", `import type { AppRouter } from "@/server/trpc/router";`],
    ["src/testing/probe.ts", `import { createTestDatabase } from "@booking/devstack/test-database";`],
  ])("%s: %s is allowed", async (path, code) => {
    expect(await problems(path, code)).toEqual([]);
  });
});

describe("one writer per booking transition", () => {
  const write = `import type { Tx } from "@/modules/shared/tx";
export const cancel = (tx: Tx) => tx.booking.update({ where: { id: "b" }, data: { status: "CANCELLED" } });`;
  const raw = `import type { Tx } from "@/modules/shared/tx";
export const cancel = (tx: Tx) => tx.$executeRaw\`UPDATE "Booking" SET "status" = 'CANCELLED'\`;`;

  it("refuses a status write outside the lifecycle writers, through Prisma or raw SQL", async () => {
    expect(await problems("src/modules/calendly/probe.ts", write)).toEqual([expect.stringMatching(/one writer per transition/)]);
    expect(await problems("src/modules/calendly/probe.ts", raw)).toEqual([expect.stringMatching(/one writer per transition/)]);
  });

  it("allows it in a lifecycle writer, and other booking writes anywhere", async () => {
    expect(await problems("src/modules/bookings/lifecycle/probe.ts", write)).toEqual([]);
    const other = `import type { Tx } from "@/modules/shared/tx";
export const touch = (tx: Tx) => tx.booking.update({ where: { id: "b", status: "PENDING" }, data: { holdExpiresAt: null } });`;
    expect(await problems("src/modules/calendly/probe.ts", other)).toEqual([]);
  });
});
