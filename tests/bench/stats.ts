export interface Summary {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentiles, rounded to 0.01 ms. */
export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    n: sorted.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

export interface Spread {
  n: number;
  median: number;
  p25: number;
  p75: number;
}

/** Linear-interpolated quantile of sorted samples. */
function quantile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * fraction;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return (sorted[low] ?? 0) + ((sorted[high] ?? 0) - (sorted[low] ?? 0)) * (at - low);
}

export function spread(samples: number[]): Spread {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
  };
}

/**
 * Paired differences (with[i] − without[i]), runs taken alternately: each pair saw about the same load
 * on the machine, so the difference holds better than a difference of two medians.
 */
export function paired(withSamples: number[], withoutSamples: number[]): Spread {
  const count = Math.min(withSamples.length, withoutSamples.length);
  return spread(
    Array.from({ length: count }, (_, index) => (withSamples[index] ?? 0) - (withoutSamples[index] ?? 0)),
  );
}
