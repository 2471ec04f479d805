import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serverNodeOptions } from "./server-heap";

export type NextChild = { env: Record<string, string>; close(): Promise<void> };

// scripts/lib -> the repository. `npm start` runs bundled (dist/start.mjs), where this module's
// own location means nothing, so it passes its root explicitly.
const defaultRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Runs the Next binary directly (not through npx, whose child can outlive it holding the
 * port) and calls `close` (the local stack's teardown) when it exits or we are signalled.
 * Imports nothing of the local stack: the production start is bundled with it.
 */
export async function runNext(args: string[], stack: NextChild, root = defaultRoot): Promise<void> {
  const dev = args[0] === "dev";
  const env: NodeJS.ProcessEnv = { ...process.env, ...stack.env, NODE_ENV: dev ? "development" : "production" };
  // The production server gets a heap cap (server-heap.ts); `next dev` keeps V8's default.
  if (!dev) env.NODE_OPTIONS = serverNodeOptions(env.NODE_OPTIONS);
  const child = spawn(path.join(root, "node_modules/.bin/next"), args, { cwd: root, stdio: "inherit", env });
  const stop = (signal: NodeJS.Signals) => child.kill(signal);
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  const code = await new Promise<number>((resolve) => child.on("exit", (c) => resolve(c ?? 0)));
  await stack.close();
  process.exit(code);
}
