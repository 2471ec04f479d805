import Manager from "pg-boss/src/manager.js";
import { logger } from "@/server/logger";

// pg-boss 10.4.2's work() settles each job without awaiting it (manager.js, watch(): a bare
// `this.complete(...)` / `this.fail(...)` after the handler), and its cron clock runs on such
// a worker too. If the database goes away between a handler's end and that update, the promise
// rejects with no handler, and Node ends the process on an unhandled rejection: a PostgreSQL
// restart killed the worker (scripts/worker-recovery.int.test.ts). Every settle promise now
// gets a handler that logs; a caller that awaits it still sees the rejection. The job stays
// "active", and the recovery loop adopts it once the database is back (recovery.ts).
const guarded = Symbol.for("booking.pgBossSettleGuard");
const proto = Manager.prototype as typeof Manager.prototype & { [guarded]?: true };

if (!proto[guarded]) {
  proto[guarded] = true;
  for (const method of ["complete", "fail"] as const) {
    const original = proto[method];
    const guardedMethod = function (this: unknown, ...args: unknown[]) {
      const settled = original.apply(this, args);
      settled.catch((error: unknown) =>
        logger.warn({ err: error, queue: args[0] }, `could not ${method} a job (database unreachable?); it stays active until recovered`),
      );
      return settled;
    };
    // PgBoss exposes the manager's methods under their function names: keep the name.
    Object.defineProperty(guardedMethod, "name", { value: method });
    proto[method] = guardedMethod;
  }
}
