import { spawn } from "node:child_process";
import path from "node:path";
import type { LocalStack } from "./local-stack";
import { repoRoot } from "./embedded-postgres";

/**
 * Runs the Next binary directly (not through npx, whose child can outlive it holding the
 * port) and tears the local stack down when it exits or we are signalled.
 */
export async function runNext(args: string[], stack: LocalStack): Promise<void> {
  const child = spawn(path.join(repoRoot, "node_modules/.bin/next"), args, {
    cwd: repoRoot,
    stdio: "inherit",
    env: { ...process.env, ...stack.env, NODE_ENV: args[0] === "dev" ? "development" : "production" },
  });
  const stop = (signal: NodeJS.Signals) => child.kill(signal);
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  const code = await new Promise<number>((resolve) => child.on("exit", (c) => resolve(c ?? 0)));
  await stack.close();
  process.exit(code);
}
