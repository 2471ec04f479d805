// The production launchers apply migrations in a short-lived child process of their own bundle:
// the wasm schema engine and its pools take ~50 MB that a process keeps once it has used them,
// and the launcher of `next start` stays alive (it forwards signals) for the server's lifetime.
import { fork } from "node:child_process";

/** The argument that makes a launcher bundle apply the migrations and exit. */
export const APPLY_MIGRATIONS_ONLY = "--apply-migrations-only";

type Outcome = { applied: string[] } | { error: string };

/**
 * Runs `entry` (this launcher's own file, bundled or under tsx) with APPLY_MIGRATIONS_ONLY and
 * resolves with the migrations it applied; rejects with its error (or its exit status when it
 * died without one), so the caller fails closed as if the migrations had run in-process.
 */
export function applyMigrationsInChild(entry: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = fork(entry, [APPLY_MIGRATIONS_ONLY], { env, stdio: ["ignore", "inherit", "inherit", "ipc"] });
    let outcome: Outcome | undefined;
    child.on("message", (message) => (outcome = message as Outcome));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0 && outcome && "applied" in outcome) resolve(outcome.applied);
      else reject(new Error(outcome && "error" in outcome ? outcome.error : `the migration process exited with ${signal ?? code}`));
    });
  });
}

/** The child's side: applies, reports to the parent and exits (0 when applied, else 1). */
export async function reportMigrationsToParent(apply: () => Promise<string[]>): Promise<never> {
  let outcome: Outcome;
  try {
    outcome = { applied: await apply() };
  } catch (e) {
    outcome = { error: e instanceof Error ? e.message : String(e) };
  }
  const code = "applied" in outcome ? 0 : 1;
  // Exit only once the message is handed over, or the parent would see an exit without an outcome.
  process.send!(outcome, () => process.exit(code));
  return new Promise<never>(() => {});
}
