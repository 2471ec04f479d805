// Prisma's schema engine (migrations) run in-process from its wasm build: the CLI's native
// engine cannot be downloaded on these machines. See shared/reference/offline-toolchain.md.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import { MigrationAdapterFactory } from "./migration-adapter";

type PanicRegistry = { message?: string; set_message(m: string): void };
declare global {
  // Read by the wasm glue on a Rust panic; without it a panic is an opaque "unreachable".
  var PRISMA_WASM_PANIC_REGISTRY: PanicRegistry;
}

let loaded: Promise<void> | undefined;

// The engine races some operations against a setTimeout it never clears (the 10 s timeout on
// its migration advisory lock), which kept Node alive ~10 s after applyMigrations. Keep its
// timers referenced only while an engine operation is running.
const engineTimers = new Set<NodeJS.Timeout>();
let runningOps = 0;

function engineSetTimeout(fn: () => void, ms: number): NodeJS.Timeout {
  const t = setTimeout(() => {
    engineTimers.delete(t);
    fn();
  }, ms >>> 0);
  engineTimers.add(t);
  if (runningOps === 0) t.unref();
  return t;
}

// The package entry imports the .wasm as an ES module, which Node refuses: instantiate it ourselves.
// wasm-bindgen keeps one instance per module, so load once per process.
function loadWasm(): Promise<void> {
  loaded ??= (async () => {
    globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(m: string) {
        this.message = m;
      },
    };
    const require = createRequire(import.meta.url);
    const glue = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(glue), "schema_engine_bg.wasm"));
    const glueImports: Record<string, unknown> = { ...bg };
    for (const name of Object.keys(bg)) {
      if (name.startsWith("__wbg_setTimeout_")) glueImports[name] = engineSetTimeout;
    }
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": glueImports as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
  })();
  loaded.catch(() => (loaded = undefined));
  return loaded;
}

/**
 * Turn what the engine throws into an Error with a readable message (panics included). The wasm
 * instance is kept after a panic: re-instantiating under the old engine's pending closures
 * crashed the process, while the same instance was verified to keep working.
 */
function engineError(e: unknown): Error {
  const panic = globalThis.PRISMA_WASM_PANIC_REGISTRY?.message;
  if (panic) {
    globalThis.PRISMA_WASM_PANIC_REGISTRY.message = undefined;
    return new Error(`Prisma schema engine panicked: ${panic}`, { cause: e });
  }
  const o = e as { message?: unknown; error_code?: unknown } | null;
  const raw = typeof o?.message === "string" ? o.message : JSON.stringify(e);
  // Engine messages end with a Rust span trace ("   0: sql_schema_connector::..."): keep the
  // human part, plus the migration it names, and leave the rest in `cause`.
  const traceAt = raw.search(/\n\s+0: /);
  let message = (traceAt >= 0 ? raw.slice(0, traceAt) : raw).trim();
  const migration = /migration_name="([^"]+)"/.exec(raw)?.[1];
  if (migration) message = `Migration ${migration} failed: ${message}`;
  if (typeof o?.error_code === "string") message = `${o.error_code}: ${message}`;
  return new Error(message, { cause: e });
}

/**
 * Runs `fn` with a fresh engine on `databaseUrl`, then frees the engine and ends every pool,
 * so callers never keep the process alive.
 */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  schema: { path: string; content: string },
  fn: (engine: bg.SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadWasm();
  const factory = new MigrationAdapterFactory(databaseUrl);
  let engine: bg.SchemaEngine | undefined;
  runningOps++;
  try {
    const log = process.env.SCHEMA_ENGINE_DEBUG ? (m: string) => console.error(m) : () => {};
    engine = await bg.SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, log, bindMigrationAwareSqlAdapterFactory(factory));
    return await fn(engine);
  } catch (e) {
    throw engineError(e);
  } finally {
    try {
      engine?.free();
    } catch {
      // freeing after a panic can throw; the pools below matter more
    }
    await factory.close();
    if (--runningOps === 0) for (const t of engineTimers) t.unref();
  }
}
