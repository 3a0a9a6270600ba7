/** Small statistics of the benchmarks: pure, unit-tested in tests/unit/bench-stats.test.ts. */

/** The middle sample (the upper one of an even count); 0 for no samples. */
export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

/** The 95th percentile by rank (nearest rank, upper); 0 for no samples. */
export const p95 = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? 0;
};

/**
 * The sum over queries of each query's median: a total in which every query weighs by its
 * typical time, so one slow outlier sample cannot move a ratio of two such totals.
 */
export const sumOfMedians = (perQuery: readonly (readonly number[])[]): number =>
  perQuery.reduce((total, xs) => total + median(xs), 0);

/** Milliseconds a synchronous call takes. */
export const time = (fn: () => unknown): number => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};
