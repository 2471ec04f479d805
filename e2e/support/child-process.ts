import { spawn, type ChildProcess } from "node:child_process";

// Processes a spec starts itself (servers, workers): output kept for failure messages, a stop
// that cannot hang, and readiness by polling (never a fixed sleep).

export type LoggedChild = {
  name: string;
  child: ChildProcess;
  /** The last 20 kB of stdout and stderr, for failure messages. */
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
  stop(graceMs?: number): Promise<void>;
};

const KEEP_CHARS = 20_000;

export function spawnLogged(name: string, args: string[], options: { cwd: string; env: Record<string, string> }): LoggedChild {
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: options.env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-KEEP_CHARS);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    name,
    child,
    output: () => output,
    async stop(graceMs = 5_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls `ready` until true, failing at once (with its output) if the process exits first. */
export async function waitUntilReady(proc: LoggedChild, ready: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.child.exitCode !== null) throw new Error(`${proc.name} exited with ${proc.child.exitCode}:\n${proc.output()}`);
    if (await ready().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${proc.name}: ${what} within ${timeoutMs} ms\n${proc.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** `url` answers 200 (a server is up). */
export async function answers200(url: string): Promise<boolean> {
  const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
  return res.status === 200;
}
