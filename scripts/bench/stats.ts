// Summaries of measured samples. Medians and percentiles, not means: one GC pause or scheduler hiccup
// must not move a number the reader compares across runs.

export interface LatencySummary {
  count: number;
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
}

/** The q-quantile (0..1) by nearest rank of the sorted samples. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function summarizeLatencies(samplesMs: readonly number[]): LatencySummary {
  return {
    count: samplesMs.length,
    p50Ms: quantile(samplesMs, 0.5),
    p95Ms: quantile(samplesMs, 0.95),
    meanMs: samplesMs.reduce((sum, value) => sum + value, 0) / samplesMs.length,
  };
}

export const round = (value: number, digits = 3) => Number(value.toFixed(digits));
