/** Nearest-rank percentile (p in 0..100) of ascending samples; NaN for none. */
export function percentileOfSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Nearest-rank percentile (p in 0..100) of samples in any order; NaN for none. */
export const percentile = (samples: readonly number[], p: number) =>
  percentileOfSorted(
    [...samples].sort((a, b) => a - b),
    p,
  );

export interface LatencySummary {
  requests: number;
  errors: number;
  per_second: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
}

/** Latency figures of one closed-loop run that lasted `seconds`. */
export function summarize(latenciesMs: readonly number[], errors: number, seconds: number): LatencySummary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    errors,
    per_second: sorted.length / seconds,
    p50_ms: percentileOfSorted(sorted, 50),
    p99_ms: percentileOfSorted(sorted, 99),
    max_ms: sorted.at(-1) ?? Number.NaN,
  };
}
