import type { Tracer } from "dd-trace";

// dd-trace is initialised once in instrumentation.ts (Node runtime only); this module just
// hands out the initialised tracer, or nothing where it was not started (tests, builds).
let tracer: Tracer | undefined;

export function setTracer(instance: Tracer): void {
  tracer = instance;
}

export function getTracer(): Tracer | undefined {
  return tracer;
}
