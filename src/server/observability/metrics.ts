import { getTracer } from "./tracer";

// DogStatsD metrics through dd-trace's client (a no-op when tracing is disabled).
// Names are stable: dashboards and monitors query them.

type Tags = string[];

export const metrics = {
  increment(name: string, value = 1, tags: Tags = []): void {
    if (value) getTracer()?.dogstatsd.increment(name, value, tags);
  },
  distribution(name: string, value: number, tags: Tags = []): void {
    getTracer()?.dogstatsd.distribution(name, value, tags);
  },
  gauge(name: string, value: number, tags: Tags = []): void {
    getTracer()?.dogstatsd.gauge(name, value, tags);
  },
  /** Whether metrics go anywhere (DD_TRACE_ENABLED): lets a caller skip work done only for them. */
  get enabled(): boolean {
    return getTracer() !== undefined;
  },
};
