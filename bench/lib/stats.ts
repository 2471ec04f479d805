export type Latency = { p50: number; p95: number; p99: number; mean: number; max: number };

/** Nearest-rank percentiles in milliseconds. */
export function summarize(samples: number[]): Latency {
  const sorted = Float64Array.from(samples).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
  const mean = sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1);
  return { p50: at(50), p95: at(95), p99: at(99), mean, max: sorted.at(-1) ?? NaN };
}

export const round = (n: number, digits = 2): number => Number(n.toFixed(digits));
