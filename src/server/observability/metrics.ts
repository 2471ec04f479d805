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
};
