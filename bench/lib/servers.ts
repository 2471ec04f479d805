// Starts a benchmark server (bench/servers/*.ts) as a child process running under tsx.
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ChildMessage, MemoryPeak } from "../servers/child";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export type BenchServer = { name: string; url: string; pid: number; pids(): number[]; stop(): Promise<MemoryPeak> };

export function startServer(name: "trpc" | "bare", env: Record<string, string>): Promise<BenchServer> {
  const child: ChildProcess = fork(path.join(repoRoot, "bench/servers", `${name}.ts`), [], {
    cwd: repoRoot, // tsx resolves the "@/..." aliases from ./tsconfig.json
    execArgv: ["--import", "tsx"],
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let stopping: Promise<MemoryPeak> | undefined;
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${name} server exited early (code ${code})`)));
    child.once("message", (msg: ChildMessage) => {
      if (!("port" in msg)) return reject(new Error(`${name} server: unexpected message`));
      child.removeAllListeners("exit");
      resolve({
        name,
        url: `http://127.0.0.1:${msg.port}`,
        pid: child.pid!,
        pids: () => [child.pid!],
        // Once: later calls get the same answer.
        stop: () =>
          (stopping ??= new Promise<MemoryPeak>((done, fail) => {
            let memory: MemoryPeak | undefined;
            child.on("message", (m: ChildMessage) => "memory" in m && (memory = m.memory));
            // A child that is still alive 10 s after closing everything has leaked a handle.
            const timer = setTimeout(() => {
              fail(new Error(`${name} server did not exit on its own (a handle left open)`));
              child.kill("SIGKILL");
            }, 10_000);
            child.once("exit", (code) => {
              clearTimeout(timer);
              if (memory && code === 0) done(memory);
              else fail(new Error(`${name} server exit code ${code}`));
            });
            child.send("stop");
          })),
      });
    });
  });
}
