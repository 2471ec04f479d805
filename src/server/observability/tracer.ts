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

/** Wraps async work in a span when tracing is on; otherwise just runs it. */
export function traced<T>(name: string, resource: string, fn: () => Promise<T>): Promise<T> {
  return tracer ? tracer.trace(name, { resource }, fn) : fn();
}
